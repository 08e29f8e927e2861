package io.planconsult.reporting.tally;

import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.planconsult.contract.SuggestionTagged;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies tagged events to the read model: in one transaction it records the event id, moves the
 * suggestion's contribution between tally cells and stores its new state. An id already recorded
 * changes nothing, so redelivery and replay never double-count.
 */
@ApplicationScoped
public class TallyLedger {

    private static final Logger LOG = Logger.getLogger(TallyLedger.class);

    /** @return whether the event changed anything (false for an event already applied) */
    @Transactional
    public boolean apply(UUID eventId, SuggestionTagged event) {
        if (AppliedEvent.findById(eventId) != null) {
            LOG.debugf("event %s already applied", eventId);
            return false;
        }
        Instant now = Instant.now();
        AppliedEvent applied = new AppliedEvent();
        applied.eventId = eventId;
        applied.appliedAt = now;
        applied.persist();

        TaggedSuggestion row = TaggedSuggestion.findById(event.suggestionId(), LockModeType.PESSIMISTIC_WRITE);
        Contribution before = row == null ? Contribution.NONE : row.contribution();
        if (row == null) {
            row = new TaggedSuggestion();
            row.suggestionId = event.suggestionId();
        }
        Contribution after = Contribution.of(event.stationDistrict(), event.textDistrict(), event.primaryTopic(), event.labels());
        row.stationId = event.stationId();
        row.stationDistrict = after.stationDistrict();
        row.textDistrict = event.textDistrict();
        row.subjectDistrict = after.subjectDistrict();
        row.channel = event.channel();
        row.primaryTopic = after.primaryTopic();
        row.labels = String.join(",", after.labels());
        row.redactedText = event.redactedText();
        row.submittedAt = event.submittedAt();
        row.modelVersion = event.modelVersion();
        row.taxonomyVersion = event.taxonomyVersion();
        row.modelPrimaryTopic = after.primaryTopic();
        row.modelLabels = row.labels;
        row.needsReview = event.needsReview();
        row.keywords = event.keywords() == null ? null : String.join(",", event.keywords());
        row.modelClusterId = event.clusterId();
        row.clusterId = event.clusterId();
        row.clusterFirstSuggestionId = event.clusterFirstSuggestionId();
        row.revision = event.revision();
        row.lastEventId = eventId;
        row.updatedAt = now;
        row.persist();

        for (TallyDelta delta : TallyArithmetic.diff(before, after)) {
            add(delta);
        }
        LOG.infof("applied event=%s suggestion=%s topic=%s station=%s subject=%s", eventId, event.suggestionId(),
                after.primaryTopic(), after.stationDistrict(), after.subjectDistrict());
        return true;
    }

    private static void add(TallyDelta delta) {
        int updated = Panache.getEntityManager().createQuery(
                "update TallyCell set primaryCount = primaryCount + :p, mentionCount = mentionCount + :m "
                        + "where perspective = :perspective and district = :district and topic = :topic")
                .setParameter("p", delta.primary())
                .setParameter("m", delta.mentions())
                .setParameter("perspective", delta.perspective().code())
                .setParameter("district", delta.district())
                .setParameter("topic", delta.topic())
                .executeUpdate();
        if (updated == 0) {
            // A concurrent first insert of the same cell fails on the primary key; the caller retries the event.
            TallyCell cell = new TallyCell();
            cell.perspective = delta.perspective().code();
            cell.district = delta.district();
            cell.topic = delta.topic();
            cell.primaryCount = delta.primary();
            cell.mentionCount = delta.mentions();
            cell.persist();
            Panache.getEntityManager().flush();
        }
    }
}
