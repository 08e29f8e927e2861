package io.planconsult.reporting.tally;

import java.io.Serializable;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * How many of a cluster's suggestions a tally cell counts; a row exists only while there is at least one, so the
 * cell's {@code cluster_count} is the number of rows with its key. Maintained beside the counters so that a distinct
 * count never needs a scan.
 */
@Entity
@Table(name = "tally_cluster_member")
@IdClass(TallyClusterMember.Key.class)
public class TallyClusterMember extends PanacheEntityBase {

    public record Key(String perspective, String district, String topic, UUID clusterId) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }

    @Id
    public String perspective;
    @Id
    public String district;
    @Id
    public String topic;
    @Id
    @Column(name = "cluster_id")
    public UUID clusterId;
    public long members;
}
