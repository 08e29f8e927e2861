package io.planconsult.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records changes in the caller's transaction, so a change and its audit entry commit together. */
@ApplicationScoped
public class AuditTrail {

    public static final String SUBMITTED = "submitted";
    public static final String AMENDED = "amended";
    public static final String WITHDRAWN = "withdrawn";
    public static final String RETAGGED = "retagged";
    public static final String MERGED = "merged";
    public static final String CONTACT_READ = "contact-read";
    public static final String TEXT_READ = "text-read";
    public static final String ERASED = "erased";

    /**
     * @param fields the names of the fields that changed (never their values)
     * @param detail codes and ids only (a revision, topic codes, a cluster id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID suggestionId, Actor actor, String action, List<String> fields, String detail, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.suggestionId = suggestionId;
        entry.actor = actor.subject();
        entry.actorRole = actor.role();
        entry.action = action;
        entry.changedFields = fields.isEmpty() ? null : String.join(",", fields);
        entry.detail = detail;
        entry.at = at;
        entry.persist();
    }

    public List<AuditEntry> of(UUID suggestionId) {
        return AuditEntry.list("suggestionId = ?1 order by id", suggestionId);
    }
}
