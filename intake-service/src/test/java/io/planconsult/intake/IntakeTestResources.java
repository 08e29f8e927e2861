package io.planconsult.intake;

import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.PostgresSchemaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against a real broker and a fresh PostgreSQL schema. */
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(ServiceTokenTestResource.class)
@QuarkusTestResource(value = PostgresSchemaTestResource.class, initArgs = @ResourceArg(name = "prefix", value = "intake"))
public class IntakeTestResources {
}
