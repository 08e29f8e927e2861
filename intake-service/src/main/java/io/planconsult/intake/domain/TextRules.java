package io.planconsult.intake.domain;

import java.util.Optional;

/**
 * Which characters free text may hold. The rule: any assigned Unicode character a person can type is accepted as it
 * is — Chinese (also beyond the BMP), emoji and their ZWJ sequences, combining accents, the left-to-right and
 * right-to-left MARKS (U+200E, U+200F) — and stored unchanged; HTML is just text (it is only ever served as JSON).
 * Refused: control characters other than tab, line feed and carriage return (C0, DEL, C1), the bidirectional
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069, which can make text display in another
 * order than it is stored), unpaired surrogates (not text at all), the non-characters U+FFFE/U+FFFF, and runs of more
 * than {@value #MAX_COMBINING_RUN} combining marks on one character ("Zalgo" text that smears over its neighbours).
 */
public final class TextRules {

    static final int MAX_COMBINING_RUN = 16;

    private TextRules() {
    }

    /** @return why the text is refused (with the offending code point and its position), or empty when it is fine */
    public static Optional<String> firstViolation(String text) {
        int combiningRun = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String problem = null;
            if (Character.isSurrogate((char) cp) && Character.charCount(cp) == 1) {
                problem = "must not contain an unpaired surrogate";
            } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp <= 0x9f)) {
                problem = "must not contain control characters";
            } else if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
                problem = "must not contain bidirectional override or isolate controls";
            } else if (cp == 0xfffe || cp == 0xffff) {
                problem = "must not contain Unicode non-characters";
            }
            int type = Character.getType(cp);
            combiningRun = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK ? combiningRun + 1
                    : 0;
            if (problem == null && combiningRun > MAX_COMBINING_RUN) {
                problem = "must not stack more than " + MAX_COMBINING_RUN + " combining marks on one character";
            }
            if (problem != null) {
                return Optional.of(problem + String.format(" (U+%04X at position %d)", cp, i));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }
}
