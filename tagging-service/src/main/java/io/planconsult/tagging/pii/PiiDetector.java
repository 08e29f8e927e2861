package io.planconsult.tagging.pii;

import io.planconsult.tagging.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds personal data in free text. Offsets refer to the original text: detection runs on a
 * folded copy ({@link PiiText}) whose chars line up one to one with the original.
 * Thread-safe: holds only immutable rules.
 */
public final class PiiDetector {

    public static final String NAME = "name";
    public static final String PHONE = "phone";
    public static final String ID_NUMBER = "id-number";
    public static final String EMAIL = "email";
    public static final String ADDRESS = "address";
    /** A QQ or WeChat id. */
    public static final String ACCOUNT = "account";
    public static final String BANK_CARD = "bank-card";
    /** A passport or travel-permit number. */
    public static final String PASSPORT = "passport";
    public static final String PLATE = "plate";

    /** When two findings overlap, the more certain kind wins; an ID is never half-redacted as a phone. */
    private static final Map<String, Integer> PRIORITY = Map.of(ID_NUMBER, 9, BANK_CARD, 8, EMAIL, 7, PASSPORT, 6,
            ACCOUNT, 5, PHONE, 4, PLATE, 3, ADDRESS, 2, NAME, 1);

    private final AddressDetector addresses;
    private final NameDetector names;
    private final CuedNames cuedNames;
    private final AccountPatterns accounts;

    public PiiDetector(PiiRules rules) {
        this.addresses = new AddressDetector(rules);
        this.names = new NameDetector(rules);
        this.cuedNames = new CuedNames(rules);
        this.accounts = new AccountPatterns(rules);
    }

    public static PiiDetector loadDefault() {
        return new PiiDetector(PiiRules.loadDefault());
    }

    public List<PiiSpan> detect(String text) {
        return text == null || text.isEmpty() ? List.of() : detect(text, TextNormalizer.fold(text));
    }

    /** @param widthFolded {@link TextNormalizer#fold} of {@code text}, when the caller has it already */
    public List<PiiSpan> detect(String text, String widthFolded) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = PiiText.foldNumerals(widthFolded);
        List<PiiSpan> found = new ArrayList<>(ContactPatterns.find(folded));
        found.addAll(accounts.find(folded));
        String doorsFolded = PiiText.foldDoorNumerals(folded);
        found.addAll(addresses.find(doorsFolded));
        found.addAll(DoorNumbers.find(doorsFolded));
        List<PiiSpan> anchors = resolveOverlaps(found);
        List<PiiSpan> all = new ArrayList<>(anchors);
        all.addAll(names.find(text, folded, anchors));
        all.addAll(cuedNames.find(folded));
        return resolveOverlaps(all);
    }

    /** Keeps a non-overlapping set: higher priority first, then the longer span. Sorted by start. */
    static List<PiiSpan> resolveOverlaps(List<PiiSpan> spans) {
        List<PiiSpan> ranked = new ArrayList<>(spans);
        ranked.sort(Comparator.<PiiSpan>comparingInt(s -> -PRIORITY.getOrDefault(s.type(), 0))
                .thenComparingInt(s -> -(s.end() - s.start()))
                .thenComparingInt(PiiSpan::start));
        List<PiiSpan> kept = new ArrayList<>();
        for (PiiSpan s : ranked) {
            if (kept.stream().noneMatch(k -> k.start() < s.end() && s.start() < k.end())) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(PiiSpan::start));
        return List.copyOf(kept);
    }
}
