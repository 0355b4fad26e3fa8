package dev.ekssteward.thumbprint;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.TestContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two ways a sample event from events/ reaches the handler in tests; where it leads must not
 * depend on which.
 */
enum Delivery {
  /** {@code handle(Map)}: read the way the Lambda runtime's serializer reads a Map input. */
  MAP {
    @Override
    @SuppressWarnings("unchecked")
    Map<String, Object> run(
        ThumbprintRotatorHandler handler, String file, Map<String, Object> detail) {
      Map<String, Object> event = new LinkedHashMap<>(EventFiles.load(file));
      Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
      changed.putAll(detail);
      event.put("detail", changed);
      return handler.handle(event, context());
    }
  },

  /** {@code handle(ScheduledEvent)}: loaded with the library's {@link EventLoader}. */
  SCHEDULED_EVENT {
    @Override
    Map<String, Object> run(
        ThumbprintRotatorHandler handler, String file, Map<String, Object> detail) {
      ScheduledEvent event =
          EventLoader.loadScheduledEvent(EventFiles.directory().resolve(file).toString());
      Map<String, Object> changed = new LinkedHashMap<>(event.getDetail());
      changed.putAll(detail);
      event.setDetail(changed);
      return handler.handle(event, context());
    }
  };

  /** Delivers events/{@code file} with these {@code detail} fields set (or replaced). */
  abstract Map<String, Object> run(
      ThumbprintRotatorHandler handler, String file, Map<String, Object> detail);

  Map<String, Object> run(ThumbprintRotatorHandler handler, String file) {
    return run(handler, file, Map.of());
  }

  private static TestContext context() {
    return new TestContext(ThumbprintRotator.NAME);
  }
}
