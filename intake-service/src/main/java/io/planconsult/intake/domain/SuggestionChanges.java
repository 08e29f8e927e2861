package io.planconsult.intake.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionAmended;
import io.planconsult.contract.SuggestionWithdrawn;
import io.planconsult.contract.Topics;
import io.planconsult.intake.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Station staff's changes to a stored suggestion: amendments (typo fixes, channel) and withdrawal. Each writes the
 * change, its event (whole current state, on the submitted topic, keyed by suggestion id) and its audit entry in
 * one transaction. The row is locked, so concurrent amendments get consecutive revisions.
 */
@ApplicationScoped
public class SuggestionChanges {

    private static final Logger LOG = Logger.getLogger(SuggestionChanges.class);

    private final StationRegistry stations;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TextSealing sealing;
    private final Clock clock = Clock.systemUTC();

    SuggestionChanges(StationRegistry stations, Outbox outbox, AuditTrail audit, TextSealing sealing) {
        this.sealing = sealing;
        this.stations = stations;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Locks and returns the suggestion; for changes in the caller's transaction. */
    static Suggestion lock(UUID id) {
        Suggestion s = Suggestion.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new SuggestionNotFoundException(id);
        }
        return s;
    }

    static void requireNotWithdrawn(Suggestion s, String what) {
        if (s.status == SuggestionStatus.WITHDRAWN) {
            throw new SuggestionConflictException("withdrawn",
                    "the suggestion was withdrawn; it can no longer be " + what);
        }
    }

    /**
     * Applies an amendment. Nothing changes (no revision, no event) when every given field already has its value.
     *
     * @throws InvalidSubmissionException  a field breaks a rule
     * @throws SuggestionConflictException the suggestion was withdrawn
     */
    @Transactional
    public Suggestion amend(UUID id, Amendment change, Actor actor) {
        List<FieldError> errors = SubmissionRules.checkAmendment(change);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        Suggestion s = lock(id);
        requireNotWithdrawn(s, "amended");
        List<String> changed = new ArrayList<>();
        if (change.text() != null && !change.text().equals(s.text)) {
            s.text = change.text();
            changed.add("text");
        }
        if (change.channel() != null && !change.channel().equals(s.channel)) {
            s.channel = change.channel();
            changed.add("channel");
        }
        if (changed.isEmpty()) {
            return s;
        }
        Instant now = clock.instant();
        s.revision++;
        // The amended text is tagged (and redacted) afresh: until then it is RECEIVED again.
        s.status = SuggestionStatus.RECEIVED;
        s.redactedText = null;
        s.updatedAt = now;
        SuggestionAmended event = new SuggestionAmended(s.id, s.revision, s.stationId, district(s), s.channel, null,
                s.submittedAt,
                now, sealing.seal(s.id, s.text, now));
        outbox.add(Topics.SUGGESTIONS_SUBMITTED, s.id.toString(), EventTypes.SUGGESTION_AMENDED, event, now);
        audit.record(s.id, actor, AuditTrail.AMENDED, changed, "revision=" + s.revision, now);
        LOG.infof("suggestion amended id=%s revision=%d fields=%s by=%s", s.id, s.revision, changed, actor.role());
        return s;
    }

    /**
     * Withdraws a suggestion: it leaves every tally. Final.
     *
     * @throws SuggestionConflictException it was already withdrawn
     */
    @Transactional
    public Suggestion withdraw(UUID id, Actor actor) {
        Suggestion s = lock(id);
        if (s.status == SuggestionStatus.WITHDRAWN) {
            throw new SuggestionConflictException("already-withdrawn", "the suggestion was already withdrawn");
        }
        Instant now = clock.instant();
        s.status = SuggestionStatus.WITHDRAWN;
        s.withdrawnAt = now;
        s.updatedAt = now;
        SuggestionWithdrawn event = new SuggestionWithdrawn(s.id, s.revision, s.stationId, district(s), now);
        outbox.add(Topics.SUGGESTIONS_SUBMITTED, s.id.toString(), EventTypes.SUGGESTION_WITHDRAWN, event, now);
        audit.record(s.id, actor, AuditTrail.WITHDRAWN, List.of("status"), "revision=" + s.revision, now);
        LOG.infof("suggestion withdrawn id=%s revision=%d by=%s", s.id, s.revision, actor.role());
        return s;
    }

    private String district(Suggestion s) {
        return stations.find(s.stationId).map(st -> st.district).orElse(null);
    }
}
