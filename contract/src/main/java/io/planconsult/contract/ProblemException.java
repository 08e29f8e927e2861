package io.planconsult.contract;

/** Carries a {@link Problem} from where a request is refused to the service's mapper, which renders it. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
