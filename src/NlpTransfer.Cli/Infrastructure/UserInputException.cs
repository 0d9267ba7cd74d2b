namespace NlpTransfer.Cli.Infrastructure;

/// <summary>Bad input that the user must fix (exit code 1): a message that names the file, line or argument.</summary>
internal sealed class UserInputException(string message) : Exception(message);
