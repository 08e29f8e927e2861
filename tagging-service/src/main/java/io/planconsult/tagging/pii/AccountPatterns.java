package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.AhoCorasick;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers that name one person but have no fixed digits-only shape: QQ and WeChat ids after
 * their cue (QQ、微信号、vx…), passport and travel-permit numbers, and car plates ({@code 浙A8K2J6}).
 * The cue words and plate provinces are data (tagging/pii.json). Works on the folded text.
 */
final class AccountPatterns {

    /** What may sit between a cue and the id: {@code 微信号是：abc_123}, {@code QQ 12345678}. */
    private static final Pattern AFTER_CUE = Pattern.compile(
            "(?:号码|号|id)?[\\s:：]*(?:是|为)?[\\s:：]*([a-z0-9][a-z0-9_\\-.]{3,28}[a-z0-9_])(?![a-z0-9_])");

    /** Chinese passports (E12345678, EA1234567) and permits (C/H/M/T + 8 digits); no cue needed. */
    private static final Pattern PASSPORT = Pattern.compile("(?<![a-z0-9])(?:[a-z]\\d{8}|[a-z]{2}\\d{7})(?![a-z0-9])");

    /** After a plate's province and letter: 5 characters (6 for new-energy cars), at least one digit. */
    private static final Pattern PLATE_TAIL = Pattern.compile(
            "[a-z][\\s·•\\-]?(?=[a-z]{0,5}\\d)[a-z0-9]{5,6}[挂学警港澳]?(?![a-z0-9])");

    /** Account cues first, then passport cues: one pass finds both. */
    private final AhoCorasick cues;
    private final int passportFrom;
    private final BitSet plateProvinces = new BitSet(Character.MAX_VALUE + 1);

    AccountPatterns(PiiRules rules) {
        List<String> all = new ArrayList<>(rules.accountCues());
        this.passportFrom = all.size();
        all.addAll(rules.passportCues());
        this.cues = new AhoCorasick(all);
        rules.plateProvinces().chars().forEach(plateProvinces::set);
    }

    List<PiiSpan> find(String folded) {
        List<PiiSpan> spans = new ArrayList<>();
        Matcher after = AFTER_CUE.matcher(folded);
        // region() keeps the end it is given: always the whole text's.
        cues.scan(folded, (cue, start, end) -> addAfterCue(after, end,
                cue < passportFrom ? PiiDetector.ACCOUNT : PiiDetector.PASSPORT, spans));
        if (hasLetterThenDigits(folded)) {
            Matcher m = PASSPORT.matcher(folded);
            while (m.find()) {
                spans.add(new PiiSpan(PiiDetector.PASSPORT, m.start(), m.end()));
            }
        }
        findPlates(folded, spans);
        return spans;
    }

    private static void addAfterCue(Matcher after, int cueEnd, String type, List<PiiSpan> spans) {
        after.region(cueEnd, after.regionEnd());
        if (after.lookingAt()) {
            spans.add(new PiiSpan(type, after.start(1), after.end(1)));
        }
    }

    private void findPlates(String folded, List<PiiSpan> spans) {
        Matcher tail = null;
        for (int i = 0; i + 6 < folded.length(); i++) {
            char next = folded.charAt(i + 1);
            if (!plateProvinces.get(folded.charAt(i)) || next < 'a' || next > 'z') {
                continue;
            }
            if (tail == null) {
                tail = PLATE_TAIL.matcher(folded);
            }
            tail.region(i + 1, folded.length());
            if (tail.lookingAt()) {
                spans.add(new PiiSpan(PiiDetector.PLATE, i, tail.end()));
                i = tail.end() - 1;
            }
        }
    }

    /** The passport regex only runs when some letter is followed by seven digits. */
    private static boolean hasLetterThenDigits(String s) {
        int digits = 0;
        boolean afterLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (afterLetter && ++digits >= 7) {
                    return true;
                }
            } else {
                afterLetter = c >= 'a' && c <= 'z';
                digits = 0;
            }
        }
        return false;
    }
}
