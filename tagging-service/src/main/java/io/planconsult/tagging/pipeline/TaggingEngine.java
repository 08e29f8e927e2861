package io.planconsult.tagging.pipeline;

import io.planconsult.contract.ReviewReasons;
import io.planconsult.tagging.district.DistrictRecognizer;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pii.PiiDetector;
import io.planconsult.tagging.pii.PiiSpan;
import io.planconsult.tagging.pii.Redaction;
import io.planconsult.tagging.points.PointSplitter;
import io.planconsult.tagging.screening.EnglishKeywords;
import io.planconsult.tagging.screening.Language;
import io.planconsult.tagging.screening.LanguageDetector;
import io.planconsult.tagging.screening.NonSuggestionDetector;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.KeywordExtractor;
import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicClassifier;
import io.planconsult.tagging.topics.TopicScore;
import io.planconsult.tagging.topics.TopicSettings;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tagging engine's facade: one call turns a suggestion's text into topics, district,
 * redacted text, keywords, points and the reasons an analyst should look. Immutable after construction,
 * so one instance serves all threads.
 */
public final class TaggingEngine {

    static final int KEYWORD_LIMIT = 5;
    /** The stages {@link #enrich(String, String, StageTimer)} times, in order; a skipped stage is not recorded. */
    public static final List<String> STAGES = List.of("language", "segment", "topics", "pii",
            "redaction", "district", "screening", "points", "keywords");
    private static final List<String> OTHER_ONLY = List.of(Taxonomy.OTHER);

    /** The engine's parts; every one is immutable and thread-safe. */
    record Parts(Segmenter segmenter, TopicClassifier topics, DistrictRecognizer districts, PiiDetector pii,
            KeywordExtractor keywords, LanguageDetector languages, EnglishKeywords english,
            NonSuggestionDetector screening, PointSplitter points) {
    }

    private final Parts parts;
    private final PointTagger pointTagger;
    private final String modelVersion;

    TaggingEngine(Parts parts, String modelVersion) {
        this.parts = parts;
        this.pointTagger = new PointTagger(parts.segmenter(), parts.topics(), parts.districts(), parts.keywords());
        this.modelVersion = modelVersion;
    }

    /** Loads taxonomy, gazetteer, model etc. from the classpath. */
    public static TaggingEngine loadDefault() {
        return load(TopicSettings.defaults());
    }

    /** Like {@link #loadDefault()} with other classifier settings (e.g. review thresholds). */
    public static TaggingEngine load(TopicSettings settings) {
        return of(Taxonomy.loadDefault(), LogisticModel.loadDefault(), settings);
    }

    /** An engine over another taxonomy or model: cross-validation trains one per fold. */
    public static TaggingEngine of(Taxonomy taxonomy, LogisticModel model, TopicSettings settings) {
        Gazetteer gazetteer = Gazetteer.loadDefault();
        Segmenter segmenter = new HanlpSegmenter(DomainWords.of(taxonomy, gazetteer));
        TopicClassifier classifier = new TopicClassifier(new KeywordScorer(taxonomy), model, settings);
        KeywordExtractor keywords = new KeywordExtractor(KeywordExtractor.loadStopWords(), taxonomy, model.wordIdf(),
                model.unseenIdf(), KEYWORD_LIMIT);
        Parts parts = new Parts(segmenter, classifier, new DistrictRecognizer(gazetteer), PiiDetector.loadDefault(),
                keywords, LanguageDetector.loadDefault(), EnglishKeywords.loadDefault(taxonomy.codes()),
                NonSuggestionDetector.loadDefault(), new PointSplitter());
        return new TaggingEngine(parts, model.version());
    }

    /** Thread-safe, no side effects. stationDistrict may be null; it is a prior, never an override. */
    public Enrichment enrich(String text, String stationDistrict) {
        return enrich(text, stationDistrict, StageTimer.NONE);
    }

    /** As {@link #enrich(String, String)}, telling {@code timer} how long each of the {@link #STAGES} took. */
    public Enrichment enrich(String text, String stationDistrict, StageTimer timer) {
        long lap = System.nanoTime();
        String safeText = text == null ? "" : text;
        // Every stage but PII (which reads the original's capitals) works on folded text: fold once
        // here, and their own fold() returns it as it is.
        String folded = TextNormalizer.fold(safeText);
        Language language = parts.languages().detect(safeText);
        lap = timer.lap("language", lap);
        List<String> tokens = parts.segmenter().segment(folded);
        lap = timer.lap("segment", lap);
        TopicClassifier.Result topicResult = classify(language, folded, tokens);
        lap = timer.lap("topics", lap);
        List<PiiSpan> spans = parts.pii().detect(safeText, folded);
        lap = timer.lap("pii", lap);
        // Only the redacted text and the words wholly inside it are published; the residual guard masks
        // what the detectors missed and asks for a review.
        Redaction published = Redaction.of(safeText, folded, spans, tokens);
        String redacted = published.text();
        lap = timer.lap("redaction", lap);
        String district = parts.districts().recognise(folded, stationDistrict);
        lap = timer.lap("district", lap);

        Set<String> reasons = new LinkedHashSet<>(topicResult.reasons());
        List<String> labels = topicResult.labels();
        List<TopicScore> scores = topicResult.scores();
        List<Enrichment.Point> points = List.of();
        boolean notASuggestion = parts.screening().isNotASuggestion(folded, topicResult.areaEvidence());
        lap = timer.lap("screening", lap);
        if (notASuggestion) {
            // Nothing to tally under an area: "other", shown apart by reporting through the reason.
            reasons.clear();
            reasons.add(ReviewReasons.NOT_A_SUGGESTION);
            labels = OTHER_ONLY;
        } else {
            if (language == Language.PINYIN || (language == Language.ENGLISH && !reasons.isEmpty())) {
                reasons.add(ReviewReasons.FOREIGN_LANGUAGE);
            }
            if (language == Language.CHINESE) {
                points = pointTagger.tag(redacted, parts.points().split(redacted), stationDistrict);
                lap = timer.lap("points", lap);
            }
            if (!points.isEmpty()) {
                labels = PointTagger.union(labels, points);
                if (PointTagger.distinctAreas(points) > 1) {
                    reasons.add(ReviewReasons.MULTI_POINT);
                }
            }
        }
        if (published.residual()) {
            reasons.add(ReviewReasons.RESIDUAL_PII);
        }
        List<String> keywords = parts.keywords().extract(published.words(), List.of());
        timer.lap("keywords", lap);
        return new Enrichment(labels.getFirst(), scores, labels, !reasons.isEmpty(), district, redacted, spans,
                keywords, modelVersion, taxonomyVersion(),
                ReviewReasons.ALL.stream().filter(reasons::contains).toList(), points, code(language));
    }

    private TopicClassifier.Result classify(Language language, String folded, List<String> tokens) {
        if (language == Language.ENGLISH) {
            return parts.topics().classifyByKeywords(parts.english().score(folded));
        }
        return parts.topics().classify(folded, tokens);
    }

    private static String code(Language language) {
        return switch (language) {
            case CHINESE -> "zh";
            case ENGLISH -> "en";
            case PINYIN -> "pinyin";
            case UNKNOWN -> "und";
        };
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String taxonomyVersion() {
        return parts.topics().taxonomy().version();
    }

    /** For the review tools: the classifier with the engine's settings. */
    public TopicClassifier classifier() {
        return parts.topics();
    }
}
