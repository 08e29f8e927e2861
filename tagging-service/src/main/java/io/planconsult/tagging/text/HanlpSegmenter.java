package io.planconsult.tagging.text;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * HanLP (portable) Viterbi segmentation. The engine's domain words (taxonomy keywords, place names)
 * are added to HanLP's custom dictionary so "算力券" or "千岛湖" stay one word. That dictionary is
 * JVM-global in HanLP; adding the same words again is harmless.
 */
public final class HanlpSegmenter implements Segmenter {

    private final Segment segment;

    public HanlpSegmenter(Collection<String> domainWords) {
        for (String word : domainWords) {
            if (word.length() > 1 && TextNormalizer.isCjk(word.charAt(0))) {
                CustomDictionary.add(word);
            }
        }
        // Person/place/organisation recognisers cost speed and the engine has its own for what matters.
        this.segment = new ViterbiSegment()
                .enableCustomDictionary(true)
                .enablePartOfSpeechTagging(false)
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enableNumberQuantifierRecognize(false);
    }

    @Override
    public String name() {
        return "hanlp-portable-1.8.6";
    }

    @Override
    public List<String> segment(String text) {
        String folded = TextNormalizer.fold(text);
        List<String> words = new ArrayList<>();
        for (Term term : segment.seg(folded)) {
            String w = term.word.strip();
            if (!w.isEmpty() && isWordy(w)) {
                words.add(w);
            }
        }
        return words;
    }

    static boolean isWordy(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
        }
        return false;
    }
}
