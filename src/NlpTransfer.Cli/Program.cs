using NlpTransfer.Cli.Infrastructure;

return CliApp.Run(args, CliIO.Standard);
