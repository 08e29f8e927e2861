package io.planconsult.infra.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every RestAssured request of the annotated test class carries a bearer token with this role
 * ({@link TestTokens#signIn}), and none leaks into the next class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SignedInAs.Session.class)
public @interface SignedInAs {

    /** The role, as in contract's {@code Roles}. */
    String value();

    /** Signs in before each test and out after it. */
    final class Session implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            String role = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SignedInAs.class)
                    .map(SignedInAs::value).orElseThrow();
            TestTokens.signIn(role);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            TestTokens.signOut();
        }
    }
}
