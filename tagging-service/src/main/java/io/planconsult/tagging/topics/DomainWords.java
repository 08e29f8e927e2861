package io.planconsult.tagging.topics;

import io.planconsult.tagging.district.Gazetteer;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Words the segmenter must keep whole: taxonomy keywords and gazetteer names. Training and
 * serving must segment identically, so both build the list here.
 */
public final class DomainWords {

    private DomainWords() {
    }

    public static Collection<String> of(Taxonomy taxonomy, Gazetteer gazetteer) {
        TreeSet<String> words = new TreeSet<>();
        taxonomy.areas().forEach(a -> words.addAll(a.keywords().keySet()));
        for (Gazetteer.District d : gazetteer.districts()) {
            words.add(d.name());
            words.addAll(d.shortForms());
            words.addAll(d.places());
        }
        words.addAll(gazetteer.minorPlaces().keySet());
        words.addAll(gazetteer.blockers());
        return words;
    }
}
