package org.peerpay.payroll;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Cuts a pay run into {@code gridSize} ranges of employers with about as many employments each, covering every
 * service user id between them (a range may hold none). The names depend on the grid size only, so a restart (which
 * keeps the grid size) finds each unfinished partition's own range in its step execution, and never works out new
 * ranges that could overlap those.
 */
class EmployerPartitioner implements Partitioner, PartitionNameProvider {

    private final Supplier<Collection<Long>> employersOfEachEmployment;

    /**
     * @param employersOfEachEmployment the service user of each employment the run may pay, one entry each; read
     *     only when the partitions are first made, not on a restart
     */
    EmployerPartitioner(Supplier<Collection<Long>> employersOfEachEmployment) {
        this.employersOfEachEmployment = employersOfEachEmployment;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<EmployerRange> ranges = ranges(gridSize);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        List<String> names = names(gridSize);
        for (int i = 0; i < gridSize; i++) {
            partitions.put(names.get(i), ranges.get(i).context());
        }
        return partitions;
    }

    /** Exactly {@code gridSize} ranges, in order, from service user 0 to the largest id there can be. */
    List<EmployerRange> ranges(int gridSize) {
        Collection<Long> employers = employersOfEachEmployment.get();
        TreeMap<Long, Integer> employments = new TreeMap<>();
        employers.forEach(serviceUser -> employments.merge(serviceUser, 1, Integer::sum));
        int total = employers.size();
        List<EmployerRange> ranges = new ArrayList<>(gridSize);
        long first = 0;
        int counted = 0;
        for (Map.Entry<Long, Integer> employer : employments.entrySet()) {
            counted += employer.getValue();
            // close the range at this employer once its share of the employments is reached
            if (ranges.size() < gridSize - 1 && (long) counted * gridSize >= (long) total * (ranges.size() + 1)) {
                ranges.add(new EmployerRange(first, employer.getKey()));
                first = employer.getKey() + 1;
            }
        }
        while (ranges.size() < gridSize - 1) {
            ranges.add(new EmployerRange(first, first - 1));
        }
        ranges.add(new EmployerRange(first, Long.MAX_VALUE));
        return ranges;
    }

    @Override
    public List<String> getPartitionNames(int gridSize) {
        return names(gridSize);
    }

    private static List<String> names(int gridSize) {
        List<String> names = new ArrayList<>(gridSize);
        for (int i = 1; i <= gridSize; i++) {
            names.add("employers-%03d-of-%03d".formatted(i, gridSize));
        }
        return names;
    }
}
