package io.planconsult.tagging.district;

import io.planconsult.tagging.text.PhraseMatcher;
import io.planconsult.tagging.text.TextNormalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the district a suggestion talks about, from the gazetteer's names and places.
 * <p>
 * Evidence is weighed rather than first-match-wins, because a suggestion often names several
 * districts ("在钱塘、萧山等地设立淳安产业飞地" is about 淳安). When no district clearly dominates the
 * text is about the city as a whole and the answer is null. The posting station is only a prior:
 * it confirms weak forms and breaks ties, and is never returned when the text names nothing.
 */
public final class DistrictRecognizer {

    enum Kind { FULL, SHORT, PLACE, MINOR_PLACE, WEAK, BLOCKER }

    record Entry(String code, Kind kind) {
    }

    private final Gazetteer gazetteer;
    private final PhraseMatcher<Entry> matcher;
    private final Set<String> codes;

    public DistrictRecognizer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        Map<String, Entry> phrases = new HashMap<>();
        for (Gazetteer.District d : gazetteer.districts()) {
            d.places().forEach(p -> phrases.put(p, new Entry(d.code(), Kind.PLACE)));
            d.englishNames().forEach(p -> phrases.put(p, new Entry(d.code(), Kind.SHORT)));
            d.shortForms().forEach(p -> phrases.put(p, new Entry(d.code(), Kind.SHORT)));
            phrases.put(d.name(), new Entry(d.code(), Kind.FULL));
        }
        gazetteer.minorPlaces().forEach((phrase, code) -> phrases.putIfAbsent(phrase,
                new Entry(code, Kind.MINOR_PLACE)));
        gazetteer.weakForms().forEach((phrase, code) -> phrases.putIfAbsent(phrase, new Entry(code, Kind.WEAK)));
        gazetteer.blockers().forEach(b -> phrases.put(b, new Entry(null, Kind.BLOCKER)));
        this.matcher = PhraseMatcher.of(phrases);
        this.codes = Set.copyOf(gazetteer.codes());
    }

    public static DistrictRecognizer loadDefault() {
        return new DistrictRecognizer(Gazetteer.loadDefault());
    }

    public String gazetteerVersion() {
        return gazetteer.version();
    }

    /** @return the district code the text is about, or null */
    public String recognise(String text, String stationDistrict) {
        String station = stationDistrict != null && codes.contains(stationDistrict) ? stationDistrict : null;
        Map<String, Double> scores = scores(text, station);
        if (scores.isEmpty()) {
            return null;
        }
        String best = null;
        double bestScore = 0;
        double runnerUp = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                runnerUp = bestScore;
                bestScore = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > runnerUp) {
                runnerUp = e.getValue();
            }
        }
        if (bestScore >= gazetteer.weights().dominance() * runnerUp) {
            return best;
        }
        // Too close to call from the text alone: the station breaks the tie if it is a contender.
        if (station != null && scores.getOrDefault(station, 0.0) * gazetteer.weights().dominance() > bestScore) {
            return station;
        }
        return null;
    }

    /** Weighted evidence per district; districts named only inside a cross-district list are dropped. */
    Map<String, Double> scores(String text, String station) {
        String folded = TextNormalizer.fold(text);
        boolean[] inTitle = titleMask(folded);
        Gazetteer.Weights w = gazetteer.weights();
        Map<String, Double> strong = new LinkedHashMap<>();
        Map<String, Integer> weak = new HashMap<>();
        Set<String> namedOutsideLists = new HashSet<>();
        for (PhraseMatcher.Match<Entry> m : matcher.findAll(folded)) {
            Entry entry = m.value();
            if (entry.kind() == Kind.BLOCKER || (inTitle != null && inTitle[m.start()])) {
                continue;
            }
            if (entry.kind() == Kind.WEAK) {
                weak.merge(entry.code(), 1, Integer::sum);
                continue;
            }
            double weight = switch (entry.kind()) {
                case FULL -> w.fullName();
                case SHORT -> w.shortForm();
                case MINOR_PLACE -> w.minorPlace();
                default -> w.place();
            };
            if (inList(folded, m.start(), m.end())) {
                weight *= w.enumerationFactor();
            } else {
                namedOutsideLists.add(entry.code());
            }
            strong.merge(entry.code(), weight, Double::sum);
        }
        weak.forEach((code, count) -> {
            if (strong.containsKey(code) || code.equals(station)) {
                strong.merge(code, count * w.shortForm(), Double::sum);
                namedOutsideLists.add(code);
            }
        });
        if (strong.size() > 1 && namedOutsideLists.isEmpty()) {
            return Map.of();
        }
        return strong;
    }

    private static boolean inList(String text, int start, int end) {
        return (start > 0 && isListSeparator(text.charAt(start - 1)))
                || (end < text.length() && isListSeparator(text.charAt(end)));
    }

    private static boolean isListSeparator(char c) {
        return c == '、';
    }

    /** Names inside 《》 are titles of works, not places; null when the text has no title. */
    private static boolean[] titleMask(String text) {
        if (text.indexOf('《') < 0) {
            return null;
        }
        boolean[] mask = new boolean[text.length() + 1];
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '《') {
                inside = true;
            } else if (c == '》') {
                inside = false;
            }
            mask[i] = inside;
        }
        return mask;
    }

    List<String> codes() {
        return List.copyOf(codes);
    }
}
