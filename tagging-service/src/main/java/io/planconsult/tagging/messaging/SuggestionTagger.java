package io.planconsult.tagging.messaging;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.planconsult.contract.CloudEventHeaders;
import io.planconsult.contract.EventIds;
import io.planconsult.contract.EventTypes;
import io.planconsult.contract.PoisonRecordException;
import io.planconsult.contract.SuggestionAmended;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.Topics;
import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.district.StationDistricts;
import io.planconsult.tagging.messaging.TaggedEventMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows a suggestion's lifecycle on the submitted topic, dispatching on the CloudEvents type:
 * <ul>
 * <li>submitted: tagged as revision 0;</li>
 * <li>amended: the new text is tagged again and published under the amendment's revision, so consumers that keep
 * the highest revision move the suggestion to its new cells. The near-duplicate index keeps the cluster the
 * suggestion joined when it was submitted (an amendment is a typo fix, and a cluster id other suggestions already
 * point to must not move); only an amendment of a suggestion the index has never seen is indexed, with its text;</li>
 * <li>withdrawn: forwarded unchanged on the public tagged topic, which carries no text, for reporting and external
 * subscribers.</li>
 * </ul>
 * Every published id is derived from the incoming id, so a redelivery republishes the same id and reporting applies it
 * once; the incoming record is acknowledged only once the outgoing one is on the broker. A record of an unknown type or
 * that is not a valid event of its type is nacked: it goes to the tagging dead-letter topic with the reason and the
 * partition moves on.
 */
@ApplicationScoped
public class SuggestionTagger {

    private static final Logger LOG = Logger.getLogger(SuggestionTagger.class);

    private final TaggingEngine engine;
    private final ObjectMapper mapper;
    private final StationDistricts stations;
    private final DedupIndex duplicates;
    private final LifecycleRecords records;

    SuggestionTagger(TaggingEngine engine, ObjectMapper mapper, StationDistricts stations, DedupIndex duplicates) {
        this.engine = engine;
        this.mapper = mapper;
        this.stations = stations;
        this.duplicates = duplicates;
        this.records = new LifecycleRecords(mapper);
    }

    @Incoming("suggestions-submitted")
    @Outgoing("suggestions-tagged")
    @Blocking
    public Message<String> tag(Message<String> in) {
        try {
            IncomingCloudEventMetadata<?> ce = in.getMetadata(IncomingCloudEventMetadata.class)
                    .orElseThrow(() -> new PoisonRecordException("no CloudEvents id (ce_id header)"));
            UUID eventId = EventIds.parse(ce.getId());
            String type = ce.getType();
            if (EventTypes.SUGGESTION_SUBMITTED.equals(type)) {
                return submitted(in, eventId, records.submitted(in.getPayload()));
            } else if (EventTypes.SUGGESTION_AMENDED.equals(type)) {
                return amended(in, eventId, records.amended(in.getPayload()));
            } else if (EventTypes.SUGGESTION_WITHDRAWN.equals(type)) {
                return withdrawn(in, eventId, records.withdrawn(in.getPayload()));
            }
            throw new PoisonRecordException("unknown ce_type " + type + " on the submitted topic");
        } catch (PoisonRecordException e) {
            LOG.warnf("submitted-topic record rejected to the dead-letter topic: %s", e.getMessage());
            in.nack(e);
            return null;
        }
    }

    private Message<String> submitted(Message<String> in, UUID sourceEventId, SuggestionSubmitted submitted) {
        stations.learn(submitted.stationId(), submitted.stationDistrict());
        Enrichment enrichment = engine.enrich(submitted.text(), submitted.stationDistrict());
        // Redelivery finds the suggestion already indexed and gets the same cluster back.
        DedupIndex.Assignment cluster = duplicates.add(submitted.suggestionId().toString(), enrichment.redactedText());
        return publishTagged(in, sourceEventId, TaggedEventMapper.of(sourceEventId, submitted, enrichment, cluster));
    }

    private Message<String> amended(Message<String> in, UUID sourceEventId, SuggestionAmended amended) {
        stations.learn(amended.stationId(), amended.stationDistrict());
        Enrichment enrichment = engine.enrich(amended.text(), amended.stationDistrict());
        // An indexed suggestion keeps its cluster (see the class comment); add() returns it unchanged.
        DedupIndex.Assignment cluster = duplicates.add(amended.suggestionId().toString(), enrichment.redactedText());
        return publishTagged(in, sourceEventId, TaggedEventMapper.ofAmendment(sourceEventId, amended, enrichment, cluster));
    }

    private Message<String> publishTagged(Message<String> in, UUID sourceEventId, SuggestionTagged tagged) {
        UUID taggedId = EventIds.derived(sourceEventId, EventTypes.SUGGESTION_TAGGED);
        LOG.infof("tagged suggestion=%s revision=%d event=%s topic=%s district=%s pii=%d cluster=%s", tagged.suggestionId(),
                tagged.revision(), taggedId, tagged.primaryTopic(), tagged.textDistrict(), tagged.piiTypes().size(), tagged.clusterId());
        return publish(in, records.serialise(tagged), tagged.suggestionId(), taggedId, EventTypes.SUGGESTION_TAGGED);
    }

    private Message<String> withdrawn(Message<String> in, UUID sourceEventId, SuggestionWithdrawn withdrawn) {
        UUID forwardedId = EventIds.derived(sourceEventId, EventTypes.SUGGESTION_WITHDRAWN);
        LOG.infof("withdrawn suggestion=%s revision=%d event=%s forwarded", withdrawn.suggestionId(), withdrawn.revision(), forwardedId);
        // Forwarded byte for byte: the withdrawal carries no text, so nothing needs redacting.
        return publish(in, in.getPayload(), withdrawn.suggestionId(), forwardedId, EventTypes.SUGGESTION_WITHDRAWN);
    }

    private static Message<String> publish(Message<String> in, String body, UUID suggestionId, UUID eventId, String type) {
        return in.withPayload(body)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.SUGGESTIONS_TAGGED)
                        .withKey(suggestionId.toString())
                        .withHeaders(CloudEventHeaders.of(eventId, type, EventTypes.SOURCE_TAGGING,
                                suggestionId.toString(), Instant.now()).toKafka())
                        .build());
    }
}
