package dev.ekssteward.shared.json;

/** A value object that knows its JSON shape (a tree of maps, lists and scalars). */
public interface JsonValue {
  Object toJson();
}
