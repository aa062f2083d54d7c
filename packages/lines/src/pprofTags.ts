import { WireType } from './protoReader';

// Field tags (field number × 8 + wire type) of pprof's profile.proto.
export const tags = {
  profile: {
    sampleType: (1 << 3) | WireType.LengthDelimited,
    sample: (2 << 3) | WireType.LengthDelimited,
    mapping: (3 << 3) | WireType.LengthDelimited,
    location: (4 << 3) | WireType.LengthDelimited,
    function: (5 << 3) | WireType.LengthDelimited,
    stringTable: (6 << 3) | WireType.LengthDelimited,
    defaultSampleType: (14 << 3) | WireType.Varint,
  },
  sample: {
    locationIdPacked: (1 << 3) | WireType.LengthDelimited,
    locationId: (1 << 3) | WireType.Varint,
    valuePacked: (2 << 3) | WireType.LengthDelimited,
    value: (2 << 3) | WireType.Varint,
  },
  location: {
    id: (1 << 3) | WireType.Varint,
    mappingId: (2 << 3) | WireType.Varint,
    line: (4 << 3) | WireType.LengthDelimited,
  },
  line: { functionId: (1 << 3) | WireType.Varint, line: (2 << 3) | WireType.Varint },
  function: {
    id: (1 << 3) | WireType.Varint,
    name: (2 << 3) | WireType.Varint,
    filename: (4 << 3) | WireType.Varint,
    startLine: (5 << 3) | WireType.Varint,
  },
  mapping: { id: (1 << 3) | WireType.Varint, buildId: (6 << 3) | WireType.Varint },
  valueType: { type: (1 << 3) | WireType.Varint, unit: (2 << 3) | WireType.Varint },
};
