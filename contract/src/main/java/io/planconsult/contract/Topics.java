package io.planconsult.contract;

import java.util.List;

/**
 * Kafka topics of the platform. Names carry the contract version: a breaking change to an
 * event gets a new topic ({@code ...v2}) so existing subscribers keep working.
 */
public final class Topics {

    /**
     * Raw suggestions as submitted, amended and withdrawn (ce_type tells which), keyed by suggestion id.
     * Internal: may hold personal data; only the tagging service reads it.
     */
    public static final String SUGGESTIONS_SUBMITTED = "planconsult.suggestions.submitted.v1";

    /**
     * Tagged suggestions with redacted text only, and withdrawals (ce_type tells which), keyed by suggestion id.
     * Public: external systems may subscribe.
     */
    public static final String SUGGESTIONS_TAGGED = "planconsult.suggestions.tagged.v1";

    /** Analysts' corrections: re-tags and duplicate merges (ce_type tells which). Public: no personal data. */
    public static final String CORRECTIONS = "planconsult.suggestions.corrections.v1";

    /** Forums whose minutes were imported, with counts of participants and deputies. Public: no names. */
    public static final String FORUMS = "planconsult.forums.v1";

    /** Records the tagging service could not process, with the reason in headers. Internal. */
    public static final String TAGGING_DEAD_LETTER = "planconsult.tagging.dlq.v1";

    /** Tagged records the intake service could not read (it follows the tagged topic for statuses). Internal. */
    public static final String INTAKE_DEAD_LETTER = "planconsult.intake.dlq.v1";

    /** Records the reporting service could not process, with the reason in headers. Internal. */
    public static final String REPORTING_DEAD_LETTER = "planconsult.reporting.dlq.v1";

    /** Prefix of the configuration keys that carry the topic names (META-INF/microprofile-config.properties). */
    public static final String CONFIG_PREFIX = "planconsult.topic.";

    /**
     * Each topic's configuration key, so that application.properties says {@code topic=${planconsult.topic.tagged}}
     * rather than repeating the name.
     */
    public static final java.util.Map<String, String> CONFIG_KEYS = java.util.Map.of(
            SUGGESTIONS_SUBMITTED, CONFIG_PREFIX + "submitted",
            SUGGESTIONS_TAGGED, CONFIG_PREFIX + "tagged",
            CORRECTIONS, CONFIG_PREFIX + "corrections",
            FORUMS, CONFIG_PREFIX + "forums",
            TAGGING_DEAD_LETTER, CONFIG_PREFIX + "tagging-dlq",
            INTAKE_DEAD_LETTER, CONFIG_PREFIX + "intake-dlq",
            REPORTING_DEAD_LETTER, CONFIG_PREFIX + "reporting-dlq");

    /** Every topic with the settings it is created with locally; production values live in deploy/k8s. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(SUGGESTIONS_SUBMITTED, 6, TopicSpec.KEEP_FOREVER, false),
            new TopicSpec(SUGGESTIONS_TAGGED, 6, TopicSpec.KEEP_FOREVER, true),
            new TopicSpec(CORRECTIONS, 3, TopicSpec.KEEP_FOREVER, true),
            new TopicSpec(FORUMS, 1, TopicSpec.KEEP_FOREVER, true),
            new TopicSpec(TAGGING_DEAD_LETTER, 1, TopicSpec.THIRTY_DAYS, false),
            new TopicSpec(INTAKE_DEAD_LETTER, 1, TopicSpec.THIRTY_DAYS, false),
            new TopicSpec(REPORTING_DEAD_LETTER, 1, TopicSpec.THIRTY_DAYS, false));

    private Topics() {
    }

    /**
     * How a topic is created.
     *
     * @param retentionMs {@code -1} keeps records forever: the reporting database is rebuilt by replaying from offset 0
     * @param isPublic    whether systems outside the platform may subscribe (then it never carries personal data)
     */
    public record TopicSpec(String name, int partitions, long retentionMs, boolean isPublic) {
        public static final long KEEP_FOREVER = -1L;
        public static final long THIRTY_DAYS = 30L * 24 * 3600 * 1000;
    }
}
