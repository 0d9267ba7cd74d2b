using System.Runtime.CompilerServices;

// The embedded-model package hands verified bytes and their already computed hash to the encoder factory.
[assembly: InternalsVisibleTo("NlpTransfer.Models.MiniLM")]
