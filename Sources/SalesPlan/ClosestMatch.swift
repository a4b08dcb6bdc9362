/// Finds the candidate a mistyped name most likely meant ("tittle" → "title"), ignoring case:
/// the one home of salesd's suggestions, so `check-config` and `ctl` suggest the same fix.
public enum ClosestMatch {
    /// The best candidate close enough to `word` to be worth suggesting, or nil.
    public static func find(_ word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty, target.count <= 200 else { return nil }
        var best: (candidate: String, score: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let distance = editDistance(target, other)
            let close = distance <= max(1, min(3, other.count / 3))
            // "prompt" for "morningPrompt", "London" for "Europe/London".
            let contained = target.count >= 4 && (other.containsRun(target) || target.containsRun(other) && other.count >= 4)
            guard close || contained else { continue }
            if best == nil || distance < best!.score { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

private extension Array where Element == Character {
    func containsRun(_ run: [Character]) -> Bool {
        guard run.count <= count else { return false }
        for start in 0...(count - run.count) where self[start..<(start + run.count)].elementsEqual(run) {
            return true
        }
        return false
    }
}
