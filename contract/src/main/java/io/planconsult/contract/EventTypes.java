package io.planconsult.contract;

/** CloudEvents {@code type} values and the schema version of their bodies. */
public final class EventTypes {

    public static final String SUGGESTION_SUBMITTED = "io.planconsult.suggestion.submitted";
    public static final String SUGGESTION_TAGGED = "io.planconsult.suggestion.tagged";
    public static final String SUGGESTION_AMENDED = "io.planconsult.suggestion.amended";
    public static final String SUGGESTION_WITHDRAWN = "io.planconsult.suggestion.withdrawn";
    public static final String SUGGESTION_RETAGGED = "io.planconsult.suggestion.retagged";
    public static final String SUGGESTIONS_MERGED = "io.planconsult.suggestions.merged";
    public static final String FORUM_RECORDED = "io.planconsult.forum.recorded";

    /** Version of every v1 event body; bumped together with the topic name on a breaking change. */
    public static final String SCHEMA_VERSION = "1";

    public static final String SOURCE_INTAKE = "/planconsult/intake-service";
    public static final String SOURCE_TAGGING = "/planconsult/tagging-service";

    private EventTypes() {
    }
}
