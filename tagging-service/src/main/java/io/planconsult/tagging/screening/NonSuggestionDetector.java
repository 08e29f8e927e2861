package io.planconsult.tagging.screening;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.Arrays;
import java.util.List;

/**
 * Tells messages that are not suggestions — greetings and thanks, test messages, questions about the
 * consultation itself, keyboard mash — from suggestions, so that reporting can show them apart. Only
 * short texts are judged, and a proposal cue or clear key-area evidence always keeps a text a suggestion:
 * a real complaint mislabelled costs more than a greeting counted.
 */
public final class NonSuggestionDetector {

    /** Key-area keyword weight (see the taxonomy: 3 = specific) from which a text is about something. */
    private static final double AREA_EVIDENCE = 3.0;

    private final ScreeningRules rules;

    public NonSuggestionDetector(ScreeningRules rules) {
        this.rules = rules;
    }

    public static NonSuggestionDetector loadDefault() {
        return new NonSuggestionDetector(ScreeningRules.loadDefault());
    }

    /**
     * @param folded       the text folded by {@link TextNormalizer#fold}
     * @param areaEvidence the largest keyword weight sum of any key area other than "other"
     */
    public boolean isNotASuggestion(String folded, double areaEvidence) {
        int letters = lettersIn(folded);
        if (letters == 0) {
            return true; // only emoji, punctuation or nothing at all
        }
        if (letters > rules.maxLength()) {
            return false; // counted, not copied: most texts end here
        }
        String core = lettersOnly(folded);
        if (isMash(core)) {
            return true;
        }
        boolean proposes = containsAny(withoutNegations(folded), rules.proposalCues());
        boolean test = containsAny(folded, rules.testCues());
        boolean aboutService = containsAny(folded, rules.serviceObjects());
        if (test && aboutService) {
            return true;
        }
        if (proposes || areaEvidence >= AREA_EVIDENCE) {
            return false;
        }
        return test || containsAny(folded, rules.greetingCues())
                || (aboutService && containsAny(folded, rules.serviceCues()));
    }

    /** Repeated characters, keyboard rows, or Latin letters with no vowel to pronounce them. */
    boolean isMash(String core) {
        if (core.length() < rules.minMashLength()) {
            return false;
        }
        if (mostRepeated(core) * 10 >= core.length() * 6 || containsAny(core, rules.keyboardRuns())) {
            return true;
        }
        return isLatinOnly(core) && longestConsonantRun(core) >= 5;
    }

    /**
     * How often the text's most frequent character occurs. Sorting a copy, not a counter per char value: a
     * 65,536-slot table cleared for every short text cost more than segmenting it.
     */
    static int mostRepeated(String core) {
        char[] chars = core.toCharArray();
        Arrays.sort(chars);
        int most = 0;
        int run = 0;
        for (int i = 0; i < chars.length; i++) {
            run = i > 0 && chars[i] == chars[i - 1] ? run + 1 : 1;
            most = Math.max(most, run);
        }
        return most;
    }

    private String withoutNegations(String folded) {
        String text = folded;
        for (String negated : rules.negatedProposals()) {
            text = text.replace(negated, " ");
        }
        return text;
    }

    private static int lettersIn(String folded) {
        int n = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (TextNormalizer.isCjk(c) || TextNormalizer.isAsciiLetterOrDigit(c)) {
                n++;
            }
        }
        return n;
    }

    private static String lettersOnly(String folded) {
        StringBuilder core = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (TextNormalizer.isCjk(c) || TextNormalizer.isAsciiLetterOrDigit(c)) {
                core.append(c);
            }
        }
        return core.toString();
    }

    private static boolean containsAny(String text, List<String> cues) {
        for (String cue : cues) {
            if (text.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinOnly(String core) {
        return core.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    private static int longestConsonantRun(String core) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < core.length(); i++) {
            run = "aeiouy".indexOf(core.charAt(i)) >= 0 ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
