using System.Runtime.CompilerServices;

// Tests reach the resource verification directly to prove that a hash mismatch is refused.
[assembly: InternalsVisibleTo("NlpTransfer.Tests")]
