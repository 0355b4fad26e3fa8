package dev.ekssteward.shared.json;

/** A document that is not valid JSON; the message names the offset, never the payload. */
public final class JsonException extends RuntimeException {
  private final int offset;

  public JsonException(String reason, int offset) {
    super(reason + " at offset " + offset);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
