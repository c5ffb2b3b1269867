namespace CheckoutOrchestrator.Api.Codec;

/// <summary>Temporal's JSON encoding of Payloads, as the codec endpoints read and write it (for the API document).</summary>
public sealed record CodecPayloads(IReadOnlyList<CodecPayload> Payloads);

/// <summary>One payload: base64 metadata values and data.</summary>
public sealed record CodecPayload(IReadOnlyDictionary<string, string> Metadata, string Data);
