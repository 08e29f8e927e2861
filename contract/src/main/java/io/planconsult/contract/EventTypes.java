package io.planconsult.contract;

/** CloudEvents {@code type} values and the schema version of their bodies. */
public final class EventTypes {

    public static final String SUGGESTION_SUBMITTED = "io.planconsult.suggestion.submitted";
    public static final String SUGGESTION_TAGGED = "io.planconsult.suggestion.tagged";

    /** Version of every v1 event body; bumped together with the topic name on a breaking change. */
    public static final String SCHEMA_VERSION = "1";

    public static final String SOURCE_INTAKE = "/planconsult/intake-service";
    public static final String SOURCE_TAGGING = "/planconsult/tagging-service";

    private EventTypes() {
    }
}
