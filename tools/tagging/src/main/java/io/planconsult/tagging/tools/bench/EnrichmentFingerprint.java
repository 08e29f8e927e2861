package io.planconsult.tagging.tools.bench;

import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.tools.data.Jsonl;
import io.planconsult.tagging.tools.data.LabelledSuggestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * Proof that a speed change left the engine's outputs alone: one SHA-256 per enriched text, and one over all.
 * <pre>EnrichmentFingerprint &lt;jsonl&gt; [--all]</pre>
 * Run it before and after a change and compare the last line (or, with {@code --all}, every line with diff).
 * Besides the file's texts it enriches {@link #synthetic} ones: multi-point texts and texts carrying
 * personal data, which the dev file holds few of, so points, redaction and the residual guard are covered.
 */
public final class EnrichmentFingerprint {

    private static final String[][] MARKERS = {
        {"一是", "二是", "三是", "四是"}, {"（一）", "（二）", "（三）", "（四）"}, {"1.", "\n2.", "\n3.", "\n4."},
        {"①", "②", "③", "④"}, {"第一，", "第二，", "第三，", "第四，"}, {"张委员：", "\n李代表：", "\n王主任：", "\n赵专家："},
        {"", "\n", "\n", "\n"},
    };
    private static final String[] PERSONAL = {
        "联系人王建华，电话13857162394。", "我叫李小明，住在西湖区文三路123号5幢2单元501室。",
        "邮箱zhang.san@example.com，微信号wxid_ab12345。", "身份证330103199203150041，车牌浙A8K2J6。",
        "手机一三八五七一六二三九四，黄先生。", "Contact: John Smith 0571-87063215",
    };

    private EnrichmentFingerprint() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        List<String> texts = new ArrayList<>(Jsonl.read(Path.of(args[0])).stream()
                .map(LabelledSuggestion::text).toList());
        boolean all = args.length > 1 && args[1].equals("--all");
        texts.addAll(synthetic(texts));
        TaggingEngine engine = TaggingEngine.loadDefault();
        String[] stations = {null, "xihu", "xiaoshan"};
        MessageDigest total = MessageDigest.getInstance("SHA-256");
        int withPoints = 0;
        int withPersonalData = 0;
        for (int i = 0; i < texts.size(); i++) {
            Enrichment e = engine.enrich(texts.get(i), stations[i % stations.length]);
            withPoints += e.points().isEmpty() ? 0 : 1;
            withPersonalData += e.pii().isEmpty() ? 0 : 1;
            String line = describe(e);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
            total.update(hash);
            if (all) {
                System.out.println(i + " " + HexFormat.of().formatHex(hash));
            }
        }
        System.out.println(texts.size() + " texts (" + withPoints + " split into points, " + withPersonalData
                + " with personal data) " + HexFormat.of().formatHex(total.digest()));
    }

    /** Every field, doubles in full: {@link Enrichment#toString()} is a record's, so it lists them all. */
    static String describe(Enrichment e) {
        return e.toString();
    }

    /** Deterministic texts: 2-4 dev texts joined under each kind of point marker, and dev texts with personal data. */
    static List<String> synthetic(List<String> dev) {
        List<String> out = new ArrayList<>();
        int n = dev.size();
        for (int m = 0; m < MARKERS.length; m++) {
            for (int k = 0; k < 15; k++) {
                int parts = 2 + k % 3;
                StringBuilder text = new StringBuilder(k % 2 == 0 ? "与会代表提出几点建议：" : "");
                for (int p = 0; p < parts; p++) {
                    text.append(MARKERS[m][p]).append(dev.get((m * 31 + k * 7 + p * 13) % n));
                }
                out.add(text.toString());
            }
        }
        Function<Integer, String> devText = i -> dev.get(i % n);
        for (int i = 0; i < 60; i++) {
            String personal = PERSONAL[i % PERSONAL.length];
            out.add(i % 2 == 0 ? devText.apply(i * 5) + personal : personal + devText.apply(i * 5 + 1));
        }
        return out;
    }
}
