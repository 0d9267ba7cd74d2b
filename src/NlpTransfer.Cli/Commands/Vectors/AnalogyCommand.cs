using NlpTransfer.Cli.Infrastructure;
using NlpTransfer.Embeddings;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands.Vectors;

/// <summary><c>nlpt vectors analogy</c>: answers "a is to b as c is to ?" by 3CosAdd or 3CosMul; a, b and c are excluded.</summary>
internal sealed class AnalogyCommand : Command<AnalogySettings>
{
    public override int Execute(CommandContext context, AnalogySettings settings, CancellationToken cancellationToken)
    {
        CliIO io = CliApp.IO;
        using WordVectors vectors = settings.LoadVectors(io);
        string[] missing = new[] { settings.A, settings.B, settings.C }.Where(w => !vectors.Contains(w)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            throw new UserInputException($"{settings.File}: not in the vocabulary (case-sensitive): {string.Join(", ", missing)}");
        }

        AnalogyMethod method = settings.Method == "mul" ? AnalogyMethod.Multiply : AnalogyMethod.Add;
        IReadOnlyList<ScoredWord> answers = vectors.Analogy(settings.A, settings.B, settings.C, method, settings.Top, settings.Restrict);
        if (settings.Json)
        {
            io.WriteJson(new
            {
                settings.File, settings.A, settings.B, settings.C, settings.Method, settings.Top, RestrictVocab = settings.Restrict,
                Answers = answers.Select(a => new ScoredEntry(a.Word, a.Score)).ToArray(),
            });
        }
        else
        {
            io.Out.WriteLine($"{settings.A} : {settings.B} :: {settings.C} : ?   ({(method == AnalogyMethod.Add ? "3CosAdd" : "3CosMul")})");
            foreach (ScoredWord answer in answers)
            {
                io.Out.WriteLine($"  {answer.Score,9:F6}  {answer.Word}");
            }
        }

        return CliApp.Success;
    }
}
