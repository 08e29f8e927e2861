package io.planconsult.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A deputy liaison station or legislative contact point; loaded from the registry data file. */
@Entity
public class Station extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String district;
}
