package io.planconsult.contract;

/**
 * CloudEvents 1.0 attributes as carried in Kafka headers (binary content mode), plus the
 * platform's extension attribute for the schema version of the JSON body.
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";

    /** Extension attribute: the version of the JSON Schema the body conforms to. */
    public static final String EXTENSION_SCHEMA_VERSION = "schemaversion";
    public static final String HEADER_SCHEMA_VERSION = "ce_" + EXTENSION_SCHEMA_VERSION;

    public static final String JSON = "application/json";

    private CloudEventAttributes() {
    }
}
