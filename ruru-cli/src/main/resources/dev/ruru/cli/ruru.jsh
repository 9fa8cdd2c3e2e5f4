// Ruru's imports for JShell: `ruru shell` loads them after JShell's own defaults (java.util.*, java.io.*, ...).
import dev.ruru.array.*;
import dev.ruru.autodiff.*;
import dev.ruru.nn.*;
import dev.ruru.optim.*;
import dev.ruru.data.mnist.*;
import dev.ruru.train.*;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.objective.Supervised;
import java.nio.file.*;
