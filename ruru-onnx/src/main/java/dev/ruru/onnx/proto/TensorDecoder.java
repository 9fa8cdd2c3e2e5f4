package dev.ruru.onnx.proto;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * Reads a TensorProto into an {@link OnnxTensor}. The values come either as raw little-endian bytes
 * (raw_data, what exporters write) or in the typed repeated fields; either way their count must equal the
 * product of the dims, checked before the array is made, so a tensor never allocates more than the file
 * holds (at most twice: float16 widens to float32).
 */
final class TensorDecoder {
  private TensorDecoder() {}

  /** What a TensorProto holds before its values are checked against its dims. */
  private static final class Fields {
    String name = "";
    int type;
    final RepeatedScalars dims = new RepeatedScalars();
    final RepeatedScalars values = new RepeatedScalars();
    int valueField;
    byte[] raw;
  }

  static OnnxTensor read(ProtoReader reader) {
    Fields fields = new Fields();
    while (reader.hasMore()) {
      int field = reader.readTag();
      switch (field) {
        case 1 -> reader.readVarints(fields.dims);
        case 2 -> fields.type = reader.readInt32();
        case 4 -> readValues(reader, fields, field, () -> reader.readFloats(fields.values));
        case 5, 7, 11 -> readValues(reader, fields, field, () -> reader.readVarints(fields.values));
        case 10 -> readValues(reader, fields, field, () -> reader.readDoubles(fields.values));
        case 8 -> fields.name = reader.readString();
        case 9 -> fields.raw = reader.readBytes();
        case 3 -> throw reader.error("segmented tensors are not supported");
        case 6 -> throw reader.error("string tensors are not supported");
        case 13, 14 -> throw reader.error("tensor data stored outside the file (external data) is not supported");
        default -> reader.skipField();
      }
    }
    int[] shape = shape(reader, fields);
    // The arrays are made flat and then shaped, since a flat array of one value cannot be made rank 0 directly.
    return new OnnxTensor(fields.name, fields.type, values(reader, fields, new int[] {count(shape)}).reshape(shape));
  }

  private static void readValues(ProtoReader reader, Fields fields, int field, Runnable read) {
    if (fields.valueField != 0 && fields.valueField != field) {
      throw reader.error("tensor " + fields.name + " has values in two fields (" + fields.valueField + " and " + field + ")");
    }
    fields.valueField = field;
    read.run();
  }

  private static int[] shape(ProtoReader reader, Fields fields) {
    long[] dims = fields.dims.toLongArray();
    int[] shape = new int[dims.length];
    long size = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
        throw reader.error("tensor " + fields.name + " has dimension " + i + " of size " + dims[i]);
      }
      shape[i] = (int) dims[i];
      size = size * dims[i];
      if (size > Integer.MAX_VALUE) {
        throw reader.error("tensor " + fields.name + " has more than 2^31 elements: dims " + java.util.Arrays.toString(dims));
      }
    }
    return shape;
  }

  private static NDArray values(ProtoReader reader, Fields fields, int[] shape) {
    DType dtype = ElementType.dtype(fields.type);
    if (dtype == null) {
      throw reader.error("tensor " + fields.name + " has element type " + ElementType.name(fields.type)
          + ", which Ruru does not support");
    }
    long size = count(shape);
    if (fields.raw != null) {
      int width = ElementType.rawWidth(fields.type);
      if (fields.valueField != 0 || (long) fields.raw.length != size * width) {
        throw reader.error("tensor " + fields.name + " of dims " + java.util.Arrays.toString(shape) + " needs " + size * width
            + " bytes of " + ElementType.name(fields.type) + ", raw_data holds " + fields.raw.length);
      }
      return RawValues.decode(fields.raw, fields.type, (int) size, shape);
    }
    if (fields.values.size() != size) {
      throw reader.error("tensor " + fields.name + " of dims " + java.util.Arrays.toString(shape) + " needs " + size
          + " values, the file holds " + fields.values.size());
    }
    return typedValues(fields, shape);
  }

  private static int count(int[] shape) {
    int count = 1;
    for (int dim : shape) {
      count *= dim;
    }
    return count;
  }

  private static NDArray typedValues(Fields fields, int[] shape) {
    RepeatedScalars values = fields.values;
    return switch (fields.type) {
      case ElementType.FLOAT -> NDArray.wrap(values.toFloatArray(), shape);
      case ElementType.DOUBLE -> NDArray.wrap(values.toDoubleArray(), shape);
      case ElementType.INT64, ElementType.UINT32, ElementType.UINT64 -> NDArray.wrap(values.toLongArray(), shape);
      case ElementType.BOOL -> NDArray.wrap(values.toIntArray(), shape).ne(NDArray.scalar(0, DType.INT32));
      case ElementType.FLOAT16, ElementType.BFLOAT16 -> RawValues.halfFloats(values.toIntArray(), fields.type, shape);
      default -> NDArray.wrap(values.toIntArray(), shape);
    };
  }
}
