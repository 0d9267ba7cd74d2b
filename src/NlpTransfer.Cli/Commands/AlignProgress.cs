namespace NlpTransfer.Cli.Commands;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class AlignProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
