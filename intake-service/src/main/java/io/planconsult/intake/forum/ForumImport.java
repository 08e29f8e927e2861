package io.planconsult.intake.forum;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An import job: its progress and counts. Rows still to process are in {@code forum_import_row}, the rejections in
 * {@code forum_import_rejection}.
 */
@Entity
@Table(name = "forum_import")
public class ForumImport extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "forum_id")
    public UUID forumId;
    @Enumerated(EnumType.STRING)
    public ImportFormat format;
    /** The text encoding a CSV was read as. */
    public String encoding;
    @Enumerated(EnumType.STRING)
    public ImportStatus status;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "rows_done")
    public int rowsDone;
    public int accepted;
    public int rejected;
    /** Headers that named no column, joined by a line feed. */
    @Column(name = "ignored_columns")
    public String ignoredColumns;
    /** How many times a worker has started or resumed the job. */
    public int attempts;
    @Column(name = "lease_owner")
    public UUID leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public String failure;
    /** The token subject and role of whoever posted the import; {@code null} without authentication. */
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_role")
    public String requestedRole;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
