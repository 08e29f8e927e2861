package io.planconsult.tagging.pipeline;

import io.planconsult.tagging.district.DistrictRecognizer;
import io.planconsult.tagging.district.Gazetteer;
import io.planconsult.tagging.pii.PiiDetector;
import io.planconsult.tagging.pii.PiiSpan;
import io.planconsult.tagging.pii.Redaction;
import io.planconsult.tagging.pii.ResidualGuard;
import io.planconsult.tagging.text.HanlpSegmenter;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.text.TextNormalizer;
import io.planconsult.tagging.topics.DomainWords;
import io.planconsult.tagging.topics.KeywordExtractor;
import io.planconsult.tagging.topics.KeywordScorer;
import io.planconsult.tagging.topics.LogisticModel;
import io.planconsult.tagging.topics.Taxonomy;
import io.planconsult.tagging.topics.TopicClassifier;
import io.planconsult.tagging.topics.TopicSettings;
import java.util.List;

/**
 * The tagging engine's facade: one call turns a suggestion's text into topics, district,
 * redacted text and keywords. Immutable after construction, so one instance serves all threads.
 */
public final class TaggingEngine {

    static final int KEYWORD_LIMIT = 5;

    private final Segmenter segmenter;
    private final TopicClassifier topics;
    private final DistrictRecognizer districts;
    private final PiiDetector pii;
    private final KeywordExtractor keywords;
    private final String modelVersion;

    TaggingEngine(Segmenter segmenter, TopicClassifier topics, DistrictRecognizer districts, PiiDetector pii,
            KeywordExtractor keywords, String modelVersion) {
        this.segmenter = segmenter;
        this.topics = topics;
        this.keywords = keywords;
        this.districts = districts;
        this.pii = pii;
        this.modelVersion = modelVersion;
    }

    /** Loads taxonomy, gazetteer, model etc. from the classpath. */
    public static TaggingEngine loadDefault() {
        return load(TopicSettings.defaults());
    }

    /** Like {@link #loadDefault()} with other classifier settings (e.g. review thresholds). */
    public static TaggingEngine load(TopicSettings settings) {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Gazetteer gazetteer = Gazetteer.loadDefault();
        LogisticModel model = LogisticModel.loadDefault();
        Segmenter segmenter = new HanlpSegmenter(DomainWords.of(taxonomy, gazetteer));
        TopicClassifier classifier = new TopicClassifier(new KeywordScorer(taxonomy), model, settings);
        KeywordExtractor keywords = new KeywordExtractor(KeywordExtractor.loadStopWords(), taxonomy, model.wordIdf(),
                model.unseenIdf(), KEYWORD_LIMIT);
        return new TaggingEngine(segmenter, classifier, new DistrictRecognizer(gazetteer), PiiDetector.loadDefault(),
                keywords, model.version());
    }

    /** Thread-safe, no side effects. stationDistrict may be null; it is a prior, never an override. */
    public Enrichment enrich(String text, String stationDistrict) {
        String safeText = text == null ? "" : text;
        // Every stage but PII (which reads the original's capitals) works on folded text: fold once
        // here, and their own fold() returns it as it is.
        String folded = TextNormalizer.fold(safeText);
        List<String> tokens = segmenter.segment(folded);
        TopicClassifier.Result topicResult = topics.classify(folded, tokens);
        List<PiiSpan> spans = pii.detect(safeText, folded);
        // Only the redacted text and the words wholly inside it are published; the residual guard masks
        // what the detectors missed and asks for a review.
        Redaction published = Redaction.of(safeText, folded, spans, tokens);
        boolean residual = published.residual();
        return new Enrichment(topicResult.primary(), topicResult.scores(), topicResult.labels(),
                topicResult.needsReview() || residual, districts.recognise(folded, stationDistrict), published.text(),
                spans, keywords.extract(published.words(), List.of()), modelVersion, taxonomyVersion(),
                residual ? List.of(ResidualGuard.REASON) : List.of());
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String taxonomyVersion() {
        return topics.taxonomy().version();
    }
}
