package dev.ekssteward.shared.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/**
 * The function's own name ({@code nodegroup-scheduler}, ...), bound by its component's factory: it
 * names the log lines, the SDK's user agent and the sessions the function assumes roles with.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface FunctionName {}
