package io.planconsult.tagging.tools.data;

import java.util.List;

/** One row of a labelled JSONL file: topics first = primary, pii = literal strings in the text. */
public record LabelledSuggestion(String id, String text, String district, List<String> topics, List<String> pii,
        String style, String dupOf) {

    public LabelledSuggestion {
        topics = topics == null ? List.of() : List.copyOf(topics);
        pii = pii == null ? List.of() : List.copyOf(pii);
    }

    public String primaryTopic() {
        return topics.isEmpty() ? null : topics.getFirst();
    }

    /** The id of the suggestion this one duplicates, or its own id: the unit that must not straddle the split. */
    public String clusterRoot() {
        return dupOf != null ? dupOf : id;
    }
}
