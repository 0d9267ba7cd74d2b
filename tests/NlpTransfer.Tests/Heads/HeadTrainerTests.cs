using FluentAssertions;
using NlpTransfer.Heads;
using Xunit;

namespace NlpTransfer.Tests.Heads;

public sealed class HeadTrainerTests
{
    [Fact]
    public void Train_LbfgsOnQuadratic_ReachesTheMinimum()
    {
        // Arrange: f(θ) = ½ Σ k·(θ_k − k)², minimum at θ_k = k.
        var objective = new Quadratic(5);

        // Act
        TrainingSummary summary = HeadTrainer.Train(objective, new TrainingOptions { Optimizer = OptimizerKind.Lbfgs, Tolerance = 1e-6f });

        // Assert
        objective.Parameters.ToArray().Should().Equal([0f, 1f, 2f, 3f, 4f], (a, b) => Math.Abs(a - b) < 1e-4f);
        summary.StoppedEarly.Should().BeTrue();
    }

    [Fact]
    public void Train_AdamWOnQuadratic_ApproachesTheMinimum()
    {
        var objective = new Quadratic(4);

        HeadTrainer.Train(objective, new TrainingOptions { Epochs = 400, LearningRate = 0.05f, WeightDecay = 0f });

        objective.Parameters.ToArray().Should().Equal([0f, 1f, 2f, 3f], (a, b) => Math.Abs(a - b) < 0.05f);
    }

    [Fact]
    public void Train_L2Penalty_ShrinksTheSolution()
    {
        // Minimum of ½k(θ−k)² + ½λθ² is θ = k² / (k + λ); the mask applies L2 to every parameter.
        var objective = new Quadratic(3);

        HeadTrainer.Train(objective, new TrainingOptions { Optimizer = OptimizerKind.Lbfgs, L2 = 1f, Tolerance = 1e-6f });

        objective.Parameters.ToArray().Should().Equal([0f, 0.5f, 4f / 3f], (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void Train_NoExamples_Throws()
    {
        Action act = () => HeadTrainer.Train(new Quadratic(2, examples: 0));

        act.Should().Throw<ArgumentException>().WithMessage("*empty*");
    }

    /// <summary>A separable quadratic with one "example"; every parameter decays.</summary>
    private sealed class Quadratic(int size, int examples = 1) : ITrainingObjective
    {
        private readonly float[] _parameters = new float[size];
        private readonly float[] _mask = Enumerable.Repeat(1f, size).ToArray();

        public int ExampleCount => examples;

        public Span<float> Parameters => _parameters;

        public ReadOnlySpan<float> DecayMask => _mask;

        public string DevMetricName => "none";

        public double ComputeLossAndGradient(ReadOnlySpan<int> batch, Span<float> gradient, Random? dropout)
        {
            double loss = 0;
            for (int k = 0; k < _parameters.Length; k++)
            {
                double diff = _parameters[k] - k;
                loss += 0.5 * k * diff * diff;
                gradient[k] = (float)(k * diff);
            }

            return loss;
        }

        public double? EvaluateDev() => null;
    }
}
