package io.planconsult.tagging.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern's matches exactly as repeated {@link Matcher#find()} returns them, but trying the pattern only at
 * the positions where a match can begin. find() tries every position of the text, and a pattern with
 * lookbehinds and alternatives costs more per position than most stages cost per text; when its matches can
 * begin only at digits, or only at line starts, the other positions need not be tried at all.
 */
public final class CandidateScan {

    /** Says whether a match may begin at {@code i}; it must never say no where one can. */
    @FunctionalInterface
    public interface Start {
        boolean possibleAt(String text, int i);
    }

    private CandidateScan() {
    }

    /**
     * @param pattern should not match the empty string: no caller needs it, and no match is tried at the text's end
     */
    public static List<MatchResult> matches(Pattern pattern, String text, Start start) {
        List<MatchResult> found = new ArrayList<>();
        Matcher m = null;
        int i = 0;
        while (i < text.length()) {
            if (!start.possibleAt(text, i)) {
                i++;
                continue;
            }
            if (m == null) {
                // Transparent bounds: lookbehinds still see the text before the position tried; without
                // anchoring bounds, ^ and \b still read the chars around the region as find() would.
                m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            if (m.region(i, text.length()).lookingAt()) {
                found.add(m.toMatchResult());
                i = m.end() > i ? m.end() : i + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Where a line begins, as {@code ^} reads it in {@link Pattern#MULTILINE} mode. */
    public static boolean lineStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        if (before == '\r') {
            return text.charAt(i) != '\n';
        }
        return before == '\n' || before == '\u0085' || before == '\u2028' || before == '\u2029';
    }
}
