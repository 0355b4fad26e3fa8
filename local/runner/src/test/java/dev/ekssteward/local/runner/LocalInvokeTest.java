package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner in-process: deserialisation, context, reply and error JSON as Lambda's. */
class LocalInvokeTest {
  static final String ACCOUNT = "210987654321";

  /** Echoes the event with what it learnt from the context. */
  public static final class Echo
      implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
      return Map.of(
          "event", event,
          "arn", context.getInvokedFunctionArn(),
          "remaining", context.getRemainingTimeInMillis());
    }
  }

  /** A POJO input, as the runtime's Jackson factory fills it. */
  public static final class Wake {
    public String cluster;
    public List<String> nodegroups;
  }

  public static final class PojoHandler implements RequestHandler<Wake, String> {
    @Override
    public String handleRequest(Wake wake, Context context) {
      return wake.cluster + ":" + wake.nodegroups;
    }
  }

  public static final class Failing implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      throw new IllegalStateException("boom", new IOException("root cause"));
    }
  }

  public static final class FailingInit implements RequestHandler<Map<String, Object>, String> {
    public FailingInit() {
      throw new IllegalArgumentException("bad environment");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      return "never";
    }
  }

  public static final class Slow implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "late";
    }
  }

  public static final class Streaming {
    public void handle(InputStream in, OutputStream out, Context context) throws IOException {
      out.write(("{\"bytes\":" + in.readAllBytes().length + "}").getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void mapEventAndReplyGoThroughTheRuntimeSerializers() {
    Reply reply = invoke(Echo.class.getName() + "::handleRequest", "{\"detail\":{\"n\":1}}");

    assertThat(reply.status).isZero();
    assertThat(reply.json())
        .containsEntry("event", Map.of("detail", Map.of("n", 1)))
        .containsEntry("arn", "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:EchoFunction");
    assertThat(((Number) reply.json().get("remaining")).intValue()).isBetween(1, 2000);
  }

  @Test
  void pojoInputIsFilledFromTheEvent() {
    Reply reply =
        invoke(PojoHandler.class.getName(), "{\"cluster\":\"dev-1\",\"nodegroups\":[\"a\"]}");

    assertThat(reply.text).isEqualTo("\"dev-1:[a]\"");
  }

  @Test
  void streamHandlersAnswerWithWhatTheyWrite() {
    Reply reply = invoke(Streaming.class.getName() + "::handle", "{\"a\":1}");

    assertThat(reply.text).isEqualTo("{\"bytes\":7}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void handlerExceptionBecomesLambdasErrorJson() {
    Reply reply = invoke(Failing.class.getName() + "::handleRequest", "{}");

    assertThat(reply.status).isEqualTo(1);
    assertThat(reply.json())
        .containsEntry("errorMessage", "boom")
        .containsEntry("errorType", "java.lang.IllegalStateException");
    assertThat((Map<String, Object>) reply.json().get("cause"))
        .containsEntry("errorMessage", "root cause")
        .containsEntry("errorType", "java.io.IOException");
    assertThat((List<?>) reply.json().get("stackTrace"))
        .first()
        .asString()
        .contains("Failing.handleRequest");
  }

  @Test
  void constructorFailureIsReportedAsThrown() {
    Reply reply = invoke(FailingInit.class.getName(), "{}");

    assertThat(reply.status).isEqualTo(1);
    assertThat(reply.json())
        .containsEntry("errorType", "java.lang.IllegalArgumentException")
        .containsEntry("errorMessage", "bad environment");
  }

  @Test
  void eventThatDoesNotFitTheInputTypeFailsAsJsonParsing() {
    Reply reply = invoke(Echo.class.getName(), "[1, 2]");

    assertThat(reply.status).isEqualTo(1);
    assertThat(reply.json())
        .containsEntry("errorType", "java.lang.RuntimeException")
        .containsEntry("errorMessage", "An error occurred during JSON parsing");
  }

  @Test
  void unknownHandlerClassIsAnError() {
    Reply reply = invoke("dev.example.Missing::handleRequest", "{}");

    assertThat(reply.json()).containsEntry("errorType", "java.lang.ClassNotFoundException");
  }

  @Test
  void handlerRunningPastItsTimeoutIsTimedOut() {
    Reply reply = invoke(Slow.class.getName(), "{}");

    assertThat(reply.status).isEqualTo(1);
    assertThat(reply.json()).containsEntry("errorType", "Sandbox.Timedout");
    assertThat((String) reply.json().get("errorMessage"))
        .endsWith("Task timed out after 2.00 seconds");
  }

  @Test
  void withoutAnAccountTheRunnerRefusesToMakeOneUp() {
    assertThatThrownBy(
            () -> LocalContext.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "EchoFunction")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "AWS_ACCOUNT_ID is not set: run through local/invoke, or set it to the account to use");
  }

  private static Reply invoke(String handler, String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        LocalInvoke.invoke(
            handler,
            event.getBytes(StandardCharsets.UTF_8),
            LocalContext.fromEnvironment(
                Map.of(
                    "AWS_LAMBDA_FUNCTION_NAME", "EchoFunction",
                    "AWS_LAMBDA_FUNCTION_TIMEOUT", "2",
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCOUNT_ID", ACCOUNT)),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Reply(status, out.toString(StandardCharsets.UTF_8).strip());
  }

  private record Reply(int status, String text) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return JacksonFactory.getInstance().getSerializer(Map.class).fromJson(text);
    }
  }
}
