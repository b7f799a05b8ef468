namespace EventContracts.Compatibility;

/// <summary>
/// Maximum matching in a bipartite graph by augmenting paths (Kuhn's algorithm). Combined-schema branches
/// number a handful, so O(V·E) is plenty; a graph library would be a dependency for twenty lines.
/// </summary>
internal static class BipartiteMatching
{
    public static List<(int Left, int Right)> Maximum(int leftCount, int rightCount, Func<int, int, bool> edge)
    {
        var matchOfRight = new int[rightCount];
        Array.Fill(matchOfRight, -1);
        for (var left = 0; left < leftCount; left++)
        {
            var visited = new bool[rightCount];
            TryAugment(left, visited);
        }

        var result = new List<(int, int)>();
        for (var right = 0; right < rightCount; right++)
        {
            if (matchOfRight[right] >= 0)
            {
                result.Add((matchOfRight[right], right));
            }
        }

        result.Sort();
        return result;

        bool TryAugment(int left, bool[] visited)
        {
            for (var right = 0; right < rightCount; right++)
            {
                if (visited[right] || !edge(left, right))
                {
                    continue;
                }

                visited[right] = true;
                if (matchOfRight[right] < 0 || TryAugment(matchOfRight[right], visited))
                {
                    matchOfRight[right] = left;
                    return true;
                }
            }

            return false;
        }
    }
}
