package io.planconsult.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A deputy liaison station or legislative contact point; loaded from the registry data file. Read on every POST and
 * written only by the seed at start, so it sits in Hibernate's second-level cache (one lookup per station per
 * instance, not one query per POST).
 */
@Entity
@Cacheable
public class Station extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String district;
}
