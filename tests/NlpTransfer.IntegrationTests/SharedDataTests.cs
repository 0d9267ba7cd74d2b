using FluentAssertions;
using Xunit;

namespace NlpTransfer.IntegrationTests;

public sealed class SharedDataTests
{
    [SkippableFact]
    public void Require_DataReadme_IsFound()
    {
        string readme = SharedData.Require("README.md");

        File.ReadAllText(readme).Should().Contain("golden");
    }
}
