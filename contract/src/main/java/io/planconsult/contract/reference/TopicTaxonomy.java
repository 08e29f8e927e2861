package io.planconsult.contract.reference;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The versioned list of key areas ({@code reference/taxonomy.json}); the one with code {@link #OTHER} is the catch-all.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicTaxonomy(String version, List<Topic> topics) {

    public static final String OTHER = "other";

    public TopicTaxonomy {
        topics = List.copyOf(topics);
    }

    public List<String> codes() {
        return topics.stream().map(Topic::code).toList();
    }

    public boolean contains(String code) {
        return topics.stream().anyMatch(t -> t.code().equals(code));
    }
}
