package io.planconsult.tagging.text;

/**
 * Folds full-width ASCII to half-width and lower-cases Latin letters.
 * Each char maps to exactly one char, so offsets in the folded text are offsets in the original:
 * detectors can search the folded text and report spans against what the citizen typed.
 * Folding is idempotent and returns its argument when nothing changes, so a stage handed text the
 * engine already folded pays one scan, not a copy.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        int first = 0;
        while (first < text.length() && foldChar(text.charAt(first)) == text.charAt(first)) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < chars.length; i++) {
            chars[i] = foldChar(chars[i]);
        }
        return new String(chars);
    }

    static char foldChar(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        if (c >= 'A' && c <= 'Z') {
            c = (char) (c + 32);
        }
        return c;
    }

    public static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    public static boolean isCjk(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }
}
