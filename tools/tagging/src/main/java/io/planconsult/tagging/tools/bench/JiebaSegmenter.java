package io.planconsult.tagging.tools.bench;

import com.huaban.analysis.jieba.JiebaSegmenter.SegMode;
import com.huaban.analysis.jieba.SegToken;
import com.huaban.analysis.jieba.WordDictionary;
import io.planconsult.tagging.text.Segmenter;
import io.planconsult.tagging.text.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** jieba-analysis 1.0.2, kept in test scope only to compare against HanLP. */
public final class JiebaSegmenter implements Segmenter {

    private final com.huaban.analysis.jieba.JiebaSegmenter jieba = new com.huaban.analysis.jieba.JiebaSegmenter();

    public JiebaSegmenter(Collection<String> domainWords) {
        try {
            Path dict = Files.createTempFile("jieba-user", ".dict");
            List<String> lines = domainWords.stream().filter(w -> w.length() > 1 && !w.contains(" "))
                    .map(w -> w + " 1000").toList();
            Files.write(dict, lines, StandardCharsets.UTF_8);
            WordDictionary.getInstance().loadUserDict(dict);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "jieba-analysis-1.0.2";
    }

    @Override
    public List<String> segment(String text) {
        List<String> words = new ArrayList<>();
        for (SegToken t : jieba.process(TextNormalizer.fold(text), SegMode.SEARCH)) {
            String w = t.word.strip();
            if (!w.isEmpty() && w.chars().anyMatch(Character::isLetterOrDigit)) {
                words.add(w);
            }
        }
        return words;
    }
}
