package dev.ekssteward.local.runner;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constant pool of a class file: its string literals (the UTF-8 constants its String constants
 * point at) and every UTF-8 constant.
 */
final class ClassStrings {
  private ClassStrings() {}

  static List<String> of(byte[] classFile) throws IOException {
    return read(classFile).strings();
  }

  /** Every UTF-8 constant: names of the classes, methods and fields the class refers to. */
  static List<String> names(byte[] classFile) throws IOException {
    return List.copyOf(read(classFile).utf8().values());
  }

  private record Pool(Map<Integer, String> utf8, List<String> strings) {}

  private static Pool read(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.skipBytes(8); // magic, minor, major
    int count = in.readUnsignedShort();
    Map<Integer, String> utf8 = new HashMap<>();
    List<Integer> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8.put(i, in.readUTF());
        case 8 -> strings.add(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.skipBytes(2); // Class, MethodType, Module, Package
        case 15 -> in.skipBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> { // long and double take two slots
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return new Pool(utf8, strings.stream().map(utf8::get).toList());
  }
}
