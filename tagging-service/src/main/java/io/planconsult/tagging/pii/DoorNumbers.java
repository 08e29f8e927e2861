package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.CandidateScan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Door and unit numbers standing without a road or estate before them ({@code 3幢2单元401室},
 * {@code 5号楼1203}, {@code 2-1-302室}; in Chinese numerals once {@link PiiText#foldDoorNumerals} has
 * turned them into digits: 三号楼二单元五〇一室, 十二栋一千二百零三室): together they point at one household.
 * A lone 2室1厅 or 16号线 is a flat's layout or a metro line, and is left alone.
 */
final class DoorNumbers {

    private static final String BUILDING = "\\d+\\s?(?:幢|栋|号楼|座|楼)";
    private static final String UNIT = "\\d+\\s?(?:单元|门)";
    private static final String ROOM = "\\d+\\s?(?:室|户|号房|号)?";
    static final Pattern DOOR = Pattern.compile("(?<!\\d)(?:"
            + BUILDING + "\\s?" + UNIT + "(?:\\s?" + ROOM + ")?"
            + "|" + BUILDING + "\\s?\\d{3,6}(?:室|户|号房|号)?"
            + "|" + UNIT + "\\s?\\d{3,6}(?:室|户|号房|号)?"
            + "|\\d{1,3}-\\d{1,2}-\\d{3,4}室?"
            + "|\\d{3,6}(?:室|号房))(?!\\d)");

    private DoorNumbers() {
    }

    static List<PiiSpan> find(String folded) {
        List<PiiSpan> spans = new ArrayList<>();
        if (!hasDoorCue(folded)) {
            return spans;
        }
        for (MatchResult m : matches(folded)) {
            spans.add(new PiiSpan(PiiDetector.ADDRESS, m.start(), m.end()));
        }
        return spans;
    }

    /** What {@code DOOR.matcher(folded).find()} finds: every alternative begins with a digit, tried only there. */
    static List<MatchResult> matches(String folded) {
        return CandidateScan.matches(DOOR, folded, (t, i) -> t.charAt(i) >= '0' && t.charAt(i) <= '9');
    }

    /** Every door number has a digit right before 幢/栋/楼/号楼/单元/室/房, or a digit-dash-digit. */
    private static boolean hasDoorCue(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' && ("幢栋楼单室房-".indexOf(s.charAt(i + 1)) >= 0 || s.startsWith("号楼", i + 1))) {
                return true;
            }
        }
        return false;
    }
}
