package io.planconsult.tagging.pii;

import java.util.List;
import java.util.Map;

/** Replaces personal data with typed placeholders, so readers still see that a phone was given. */
public final class Redactor {

    private static final Map<String, String> PLACEHOLDERS = Map.of(
            PiiDetector.NAME, "[姓名]",
            PiiDetector.PHONE, "[电话]",
            PiiDetector.ID_NUMBER, "[身份证号]",
            PiiDetector.EMAIL, "[邮箱]",
            PiiDetector.ADDRESS, "[地址]",
            PiiDetector.ACCOUNT, "[账号]",
            PiiDetector.BANK_CARD, "[银行卡号]",
            PiiDetector.PASSPORT, "[证件号]",
            PiiDetector.PLATE, "[车牌]");

    private Redactor() {
    }

    public static String placeholder(String type) {
        return PLACEHOLDERS.getOrDefault(type, "[隐私]");
    }

    /** @param spans non-overlapping, sorted by start, offsets into {@code text} */
    public static String redact(String text, List<PiiSpan> spans) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int cursor = 0;
        for (PiiSpan span : spans) {
            if (span.start() < cursor) {
                continue;
            }
            out.append(text, cursor, span.start()).append(placeholder(span.type()));
            cursor = span.end();
        }
        return out.append(text, cursor, text.length()).toString();
    }
}
