using System.ComponentModel;
using NlpTransfer.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NlpTransfer.Cli.Commands;

/// <summary>Settings of <c>nlpt train</c>.</summary>
internal sealed class TrainSettings : JsonSettings
{
    [CommandOption("--task <TASK>")]
    [Description("classify (one label per text, softmax) or multilabel (sigmoid per class). Default classify.")]
    public string Task { get; init; } = "classify";

    [CommandOption("--train <FILE>")]
    [Description("Training data: JSONL, CSV/TSV, headerless TSV, fastText (__label__x text) or 'label text' lines.")]
    public string? Train { get; init; }

    [CommandOption("--dev <FILE>")]
    [Description("Dev data (same format) for early stopping and multi-label thresholds.")]
    public string? Dev { get; init; }

    [CommandOption("--features <SPEC>")]
    [Description("minilm (the embedded default encoder) or vectors:<file> (mean of word vectors). Default minilm.")]
    public string Features { get; init; } = TrainingFeatures.MiniLm;

    [CommandOption("--output <HEAD>")]
    [Description("Where to write the head file.")]
    public string? Output { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("auto, jsonl, csv, tsv, tsv-noheader, fasttext or label-text. Default auto (extension and first line).")]
    public string Format { get; init; } = "auto";

    [CommandOption("--text-column <NAME>")]
    [Description("Text column: a header name (CSV/TSV), a JSON property, or a 0-based index (tsv-noheader). Default text.")]
    public string TextColumn { get; init; } = "text";

    [CommandOption("--label-column <NAME>")]
    [Description("Label column, as --text-column. Default label (the last column for tsv-noheader).")]
    public string LabelColumn { get; init; } = "label";

    [CommandOption("--label-level <LEVEL>")]
    [Description("For labels like TREC's DESC:manner: full, coarse (DESC) or coarse+full (both, multi-label). Default full.")]
    public string LabelLevel { get; init; } = "full";

    [CommandOption("--label-separator <CHAR>")]
    [Description("Split CSV/TSV label cells on this character (multi-label data).")]
    public string? LabelSeparator { get; init; }

    [CommandOption("--label-names <MAP>")]
    [Description("Rename labels while reading, e.g. 0=negative,1=positive (SST-2).")]
    public string? LabelNames { get; init; }

    [CommandOption("--skip-bad-rows")]
    [Description("Skip malformed rows (counted and reported) instead of stopping at the first.")]
    public bool SkipBadRows { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("AdamW epochs. Default 40.")]
    public int Epochs { get; init; } = 40;

    [CommandOption("--batch-size <N>")]
    [Description("AdamW batch size. Default 32.")]
    public int BatchSize { get; init; } = 32;

    [CommandOption("--lr <RATE>")]
    [Description("AdamW learning rate. Default 0.005.")]
    public float LearningRate { get; init; } = 0.005f;

    [CommandOption("--weight-decay <W>")]
    [Description("AdamW decoupled weight decay. Default 1e-4.")]
    public float WeightDecay { get; init; } = 1e-4f;

    [CommandOption("--l2 <LAMBDA>")]
    [Description("L2 penalty (lambda/2)·||W||² on the mean loss. Default 0.")]
    public float? L2 { get; init; }

    [CommandOption("--sklearn-c <C>")]
    [Description("Inverse regularisation strength as in scikit-learn's LogisticRegression: sets --l2 to 1/(C·N).")]
    public double? InverseStrength { get; init; }

    [CommandOption("--optimizer <NAME>")]
    [Description("adamw (mini-batch) or lbfgs (full batch, for linear heads). Default adamw.")]
    public string Optimizer { get; init; } = "adamw";

    [CommandOption("--hidden <UNITS>")]
    [Description("Hidden ReLU layer width; 0 for a linear head. Default 0.")]
    public int Hidden { get; init; }

    [CommandOption("--dropout <P>")]
    [Description("Dropout on the hidden layer. Default 0.1.")]
    public float Dropout { get; init; } = 0.1f;

    [CommandOption("--class-weights <MODE>")]
    [Description("none or balanced (counter class imbalance). Default none.")]
    public string ClassWeights { get; init; } = "none";

    [CommandOption("--patience <N>")]
    [Description("Stop after N epochs without a better dev metric; 0 disables. Default 5.")]
    public int Patience { get; init; } = 5;

    [CommandOption("--seed <N>")]
    [Description("Seed for initialisation, shuffling and dropout. Default 42.")]
    public int Seed { get; init; } = 42;

    [CommandOption("--max-iterations <N>")]
    [Description("L-BFGS iteration limit. Default 1000.")]
    public int MaxIterations { get; init; } = 1000;

    [CommandOption("--cache-dir <DIR>")]
    [Description("Feature cache folder. Default $NLPTRANSFER_CACHE/features or ~/.cache/nlptransfer/features.")]
    public string? CacheDir { get; init; }

    [CommandOption("--no-cache")]
    [Description("Encode without reading or writing the feature cache.")]
    public bool NoCache { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Train))
        {
            return ValidationResult.Error("--train <file> is required.");
        }

        if (string.IsNullOrEmpty(Output))
        {
            return ValidationResult.Error("--output <head> is required.");
        }

        if (Task is not ("classify" or "multilabel"))
        {
            return ValidationResult.Error($"--task must be classify or multilabel, found '{Task}'.");
        }

        if (Optimizer is not ("adamw" or "lbfgs"))
        {
            return ValidationResult.Error($"--optimizer must be adamw or lbfgs, found '{Optimizer}'.");
        }

        if (ClassWeights is not ("none" or "balanced"))
        {
            return ValidationResult.Error($"--class-weights must be none or balanced, found '{ClassWeights}'.");
        }

        if (Epochs <= 0 || BatchSize <= 0 || MaxIterations <= 0 || Hidden < 0 || Patience < 0)
        {
            return ValidationResult.Error("--epochs, --batch-size and --max-iterations must be positive; --hidden and --patience non-negative.");
        }

        if (!(LearningRate > 0) || !(Dropout >= 0 && Dropout < 1) || WeightDecay < 0 || L2 < 0 || InverseStrength <= 0)
        {
            return ValidationResult.Error("--lr and --sklearn-c must be positive, --dropout in [0, 1), --weight-decay and --l2 non-negative.");
        }

        if (L2 is not null && InverseStrength is not null)
        {
            return ValidationResult.Error("Give --l2 or --sklearn-c, not both.");
        }

        if (LabelSeparator is { Length: not 1 })
        {
            return ValidationResult.Error("--label-separator must be one character.");
        }

        return ValidationResult.Success();
    }
}
